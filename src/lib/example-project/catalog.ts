/**
 * What the handbook says about each example beyond its own files: the title on its page, the
 * file StackBlitz opens first and the guide's recommendations it follows (links to guide
 * headings; `catalog.test.ts` checks each heading exists). The playbook rules an example carries
 * out are not listed here: they come from content/rules/, with their proofs. An example with no
 * entry here still gets a project, a zip and a listing, from its package.json.
 */
export interface PlaybookRule {
	/** What the example does, in a few words close to the source's. */
	text: string;
	/** Site path of the heading or proof it links to, e.g. `/guides/dedicated-backend-frameworks/#flask-python`. */
	href: string;
}

export interface CatalogEntry {
	title: string;
	/** One sentence; defaults to package.json `description`. */
	description?: string;
	/** Path inside the example that StackBlitz opens first. Defaults to README.md, else package.json. */
	openFile?: string;
	/** npm script StackBlitz and "Run locally" start. Defaults to `dev`, else `start`. */
	startScript?: string;
	/** Python examples: the command that starts it locally (there is no StackBlitz for Python). */
	run?: string;
	/**
	 * Other examples the project carries, in a folder of that name (the tracked files of
	 * `examples/<example>/` under `<example>/`): a client ships with the service it calls, so its
	 * StackBlitz project and its download run alone.
	 */
	includes?: string[];
	/** Recommendations of the guide (not the playbook: content/rules/ has those) that it follows. */
	guide: PlaybookRule[];
}

const guide = '/guides/dedicated-backend-frameworks/';

export const catalog: Record<string, CatalogEntry> = {
	'hono-service': {
		title: 'Hono service',
		openFile: 'src/app.ts',
		// Compiled to JavaScript first: whether WebContainers' Node 22 strips types is unconfirmed (see its README).
		startScript: 'dev:compiled',
		guide: [
			{ text: 'Routes chained so hc<AppType> types every route for TypeScript clients', href: `${guide}#hono-javascripttypescript` },
		],
	},
	'nextjs-hono-rpc': {
		title: 'Next.js + Hono RPC',
		openFile: 'server/api.ts',
		startScript: 'dev',
		guide: [
			{ text: 'Hono’s typed RPC client (hc<AppType>) for a TypeScript frontend: no code generation', href: `${guide}#hono-javascripttypescript` },
			{ text: 'A wrong call from the frontend fails to compile', href: `${guide}#the-critical-requirement` },
		],
	},
	'nextjs-openapi-client': {
		title: 'Next.js OpenAPI client',
		openFile: 'src/components/invoice-list.tsx',
		// Starts examples/hono-service (carried in hono-service/) beside the app.
		startScript: 'dev:with-service',
		includes: ['hono-service'],
		guide: [
			{ text: 'The client is generated from the service’s OpenAPI document (openapi-rq), and checked against it in CI', href: `${guide}#the-openapi--code-generation-workflow` },
		],
	},
	'nextjs-server-actions': {
		title: 'Next.js Server Actions',
		openFile: 'app/actions.ts',
		startScript: 'dev',
		guide: [
			{ text: 'Authenticated CRUD only this app calls stays with Server Actions: no separate API', href: `${guide}#when-to-stay-with-nextjs-server-actions` },
			{ text: 'Standard CRUD with Row Level Security: the database refuses another user’s rows', href: `${guide}#when-nextjs-server-actions-are-not-enough` },
		],
	},
	'fastapi-service': {
		title: 'FastAPI service',
		openFile: 'src/app/main.py',
		run: 'uv run fastapi run src/app/main.py --port 8000',
		guide: [],
	},
	'flask-service': {
		title: 'Flask service',
		openFile: 'src/flask_service/app.py',
		run: 'uv run flask --app flask_service.app run --port 5000',
		guide: [
			{ text: 'Flask with marshmallow schemas validating the input', href: `${guide}#flask-python` },
			{ text: 'An OpenAPI document whose User schema comes from the marshmallow schema that validates (apispec)', href: `${guide}#the-openapi--code-generation-workflow` },
		],
	},
};
