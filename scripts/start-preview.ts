/**
 * Starts `scripts/preview.ts` on `dir` as a child process, for the scripts and tests that
 * measure or check the built site, and resolves once it listens.
 *
 * @example
 * const preview = await startPreview({ port: 0, dir: 'dist' });
 * await fetch(new URL('/playbooks/backend-api/', preview.url));
 * preview.stop();
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export interface Preview {
	/** `http://localhost:<port>/`, the port the server really listens on (`port: 0` picks one). */
	url: string;
	port: number;
	stop(): void;
}

export function startPreview({ port = 0, dir = 'dist' }: { port?: number | string; dir?: string } = {}): Promise<Preview> {
	const server = spawn(process.execPath, [join(import.meta.dirname, 'preview.ts'), '--port', String(port), '--dir', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
	// Until it listens, its stderr is kept for the error below; after that, passed through.
	let stderr = '';
	let listening = false;
	server.stderr.on('data', (chunk) => (listening ? process.stderr.write(chunk) : (stderr += chunk)));
	return new Promise((resolve, reject) => {
		server.stdout.once('data', (chunk) => {
			const address = /localhost:(\d+)/.exec(String(chunk));
			if (!address) {
				server.kill();
				return reject(new Error(`preview: unexpected first line "${String(chunk).trim()}"`));
			}
			listening = true;
			if (stderr) process.stderr.write(stderr);
			resolve({ url: `http://localhost:${address[1]}/`, port: Number(address[1]), stop: () => server.kill() });
		});
		// The server's own message (port in use, no build) says what to do; pass it on.
		server.once('exit', (code) => reject(new Error(stderr.trim() || `preview: exited with ${code} before it listened`)));
	});
}
