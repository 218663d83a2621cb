/**
 * Writes, for every example in `examples/` with a committed package.json:
 *
 *   dist/examples/<name>/project.json   the StackBlitz project, fetched when a reader clicks
 *   dist/downloads/<name>.zip           the same files as a download
 *
 * and serves both from memory under `astro dev`. New example folders are picked up on the next
 * build; a binary or oversized file stops the build before any page renders, naming the file.
 */
import type { AstroIntegration } from 'astro';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clearExampleCache, loadAllExamples, type LoadedExample } from '../lib/example-project/load-example.ts';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function write(dir: URL, sitePath: string, data: string | Uint8Array) {
	const file = fileURLToPath(new URL(`.${sitePath}`, dir));
	mkdirSync(dirname(file), { recursive: true });
	writeFileSync(file, data);
}

function artefacts(example: LoadedExample): [path: string, type: string, body: string | Uint8Array][] {
	const zip: [string, string, Uint8Array] = [example.zipUrl, 'application/zip', example.zip];
	// Python examples have no StackBlitz project: WebContainers run Node.js only.
	return example.kind === 'node' ? [[example.projectUrl, 'application/json; charset=utf-8', example.payloadJson], zip] : [zip];
}

export default function exampleProjects(): AstroIntegration {
	return {
		name: 'egca:example-projects',
		hooks: {
			'astro:build:start': ({ logger }) => {
				// Fail before rendering: a broken example is reported once, with its file named.
				for (const example of loadAllExamples()) {
					const size = example.kind === 'node' ? `payload ${kb(Buffer.byteLength(example.payloadJson))}` : 'Python, no StackBlitz project';
					logger.info(`${example.name}: ${example.files.length} files, ${size}`);
				}
			},
			'astro:build:done': ({ dir, logger }) => {
				for (const example of loadAllExamples()) {
					for (const [path, , body] of artefacts(example)) write(dir, path, body);
					logger.info(artefacts(example).map(([path, , body]) => `${path} (${kb(typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength)})`).join(', '));
				}
			},
			'astro:server:setup': ({ server }) => {
				server.middlewares.use((req, res, next) => {
					const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
					if (!/^\/(examples\/[^/]+\/project\.json|downloads\/[^/]+\.zip)$/.test(pathname)) return next();
					// Re-read on every request: an edited and committed example shows up without a restart.
					clearExampleCache();
					try {
						const match = loadAllExamples()
							.flatMap(artefacts)
							.find(([path]) => path === pathname);
						if (!match) return next();
						res.setHeader('Content-Type', match[1]);
						res.end(match[2]);
					} catch (error) {
						next(error);
					}
				});
			},
		},
	};
}
