/**
 * What the handbook says about each example beyond its own files: the title on its page, the
 * file StackBlitz opens first and the playbook rules it demonstrates (links to playbook
 * headings; `catalog.test.ts` checks each heading exists). An example with no entry here still
 * gets a project, a zip and a listing, from its package.json.
 */
export interface PlaybookRule {
	/** The rule in a few words, as the playbook states it. */
	text: string;
	/** Site path of the playbook or guide heading, e.g. `/playbooks/backend-api/#api-contract`. */
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
	/**
	 * Other examples the project carries, in a folder of that name (the tracked files of
	 * `examples/<example>/` under `<example>/`): a client ships with the service it calls, so its
	 * StackBlitz project and its download run alone.
	 */
	includes?: string[];
	rules: PlaybookRule[];
}

const backendApi = '/playbooks/backend-api/';
const guide = '/guides/dedicated-backend-frameworks/';

export const catalog: Record<string, CatalogEntry> = {
	'hono-service': {
		title: 'Hono service',
		openFile: 'src/app.ts',
		// Compiled to JavaScript first: WebContainers' Node 20.19 cannot run .ts (see its README).
		startScript: 'dev:compiled',
		rules: [
			{ text: 'Hono, one file per resource under routes/, chained so AppType carries every route', href: `${backendApi}#service-shape` },
			{ text: 'Zod schemas are the contract; OpenAPI is generated from them, errors have one shape', href: `${backendApi}#api-contract` },
			{ text: 'Short-lived JWTs verified against the identity provider’s JWKS, scopes checked per endpoint', href: `${backendApi}#auth-between-services` },
			{ text: 'The service owns its tables and migrations (Drizzle on PGlite or PostgreSQL)', href: `${backendApi}#database` },
			{ text: 'Structured JSON logs for every request', href: `${backendApi}#observability` },
			{ text: 'Token bucket per user and endpoint, 429 with Retry-After', href: `${backendApi}#rate-limiting--abuse` },
			{ text: 'Health endpoint and graceful shutdown on SIGTERM', href: `${backendApi}#deployment` },
			{ text: 'Tests build the same app as production and call it without a network', href: `${backendApi}#testing` },
		],
	},
	'nextjs-hono-rpc': {
		title: 'Next.js + Hono RPC',
		openFile: 'server/api.ts',
		startScript: 'dev',
		rules: [
			{ text: 'Hono’s typed RPC client (hc<AppType>) for a TypeScript frontend: no code generation', href: `${guide}#hono-javascripttypescript` },
			{ text: 'A wrong call from the frontend fails to compile', href: `${guide}#the-critical-requirement` },
			{ text: 'Validate with Zod on the server; one error shape, typed per status code', href: `${backendApi}#api-contract` },
			{ text: 'A real API (routes, status codes) when it has consumers besides this frontend', href: `${guide}#building-a-public-api` },
			{ text: 'Internal CRUD only this app calls stays with Server Actions', href: `${guide}#when-to-stay-with-nextjs-server-actions` },
		],
	},
	'nextjs-openapi-client': {
		title: 'Next.js OpenAPI client',
		openFile: 'src/components/invoice-list.tsx',
		// Starts examples/hono-service (carried in hono-service/) beside the app.
		startScript: 'dev:with-service',
		includes: ['hono-service'],
		rules: [
			{ text: 'Clients are generated from the service’s OpenAPI document, never hand-written', href: `${guide}#the-openapi--code-generation-workflow` },
			{ text: 'Clients import types from the contract, not from the service’s code', href: `${backendApi}#api-contract` },
		],
	},
	'nextjs-server-actions': {
		title: 'Next.js Server Actions',
		openFile: 'app/actions.ts',
		startScript: 'dev',
		rules: [
			{ text: 'Authenticated CRUD only this app calls stays with Server Actions: no separate API', href: `${guide}#when-to-stay-with-nextjs-server-actions` },
			{ text: 'Validate with Zod, one schema for the form and the action', href: `${backendApi}#api-contract` },
			{ text: 'Never trust the client: the user comes from the session, permissions are checked on every request', href: `${backendApi}#auth-between-services` },
			{ text: 'The app owns its tables and migrations; the database enforces who sees what (Row Level Security)', href: `${backendApi}#database` },
		],
	},
};
