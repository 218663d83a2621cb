/**
 * What the handbook says about each example beyond its own files: the title on its page, the
 * file StackBlitz opens first and the playbook rules it demonstrates (links to playbook
 * headings; `catalog.test.ts` checks each heading exists). An example with no entry here still
 * gets a project, a zip and a listing, from its package.json.
 */
export interface PlaybookRule {
	/**
	 * A rule of the playbook or the guide, in a few words close to the source's, that the
	 * example carries out; it links to the heading the rule stands under.
	 */
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
	/** Python examples: the command that starts it locally (there is no StackBlitz for Python). */
	run?: string;
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
			{ text: 'Hono; one file per resource under routes/; Zod schemas, types derived from them', href: `${backendApi}#service-shape` },
			{ text: 'OpenAPI generated from Zod, never hand-written; /v1/ in the path; errors in one shape, codes documented', href: `${backendApi}#api-contract` },
			{ text: 'Routes chained so hc<AppType> types every route for TypeScript clients', href: `${guide}#hono-javascripttypescript` },
			{ text: 'Short-lived JWTs verified with the identity provider’s JWKS; permissions re-checked per endpoint', href: `${backendApi}#auth-between-services` },
			{ text: 'API keys only for external integrations: scoped, rotated', href: `${backendApi}#auth-between-services` },
			{ text: 'The service owns its tables and migrations (Drizzle on PGlite or PostgreSQL)', href: `${backendApi}#database` },
			{ text: 'BullMQ on Redis; a separate worker process; jobs idempotent by job id', href: `${backendApi}#background-jobs` },
			{ text: 'Structured JSON logs: method, path, status, duration_ms, trace_id, user_id', href: `${backendApi}#observability` },
			{ text: 'Token bucket per user and endpoint; aggressive on expensive work, lenient on reads; 429 with Retry-After', href: `${backendApi}#rate-limiting--abuse` },
			{ text: 'Health endpoint with a DB ping; graceful shutdown on SIGTERM', href: `${backendApi}#deployment` },
			{ text: 'Integration tests against a real PostgreSQL in CI (a CI cluster, not testcontainers); contract tests round-trip every Zod schema against fixtures', href: `${backendApi}#testing` },
		],
	},
	'nextjs-hono-rpc': {
		title: 'Next.js + Hono RPC',
		openFile: 'server/api.ts',
		startScript: 'dev',
		rules: [
			{ text: 'Hono’s typed RPC client (hc<AppType>) for a TypeScript frontend: no code generation', href: `${guide}#hono-javascripttypescript` },
			{ text: 'A wrong call from the frontend fails to compile', href: `${guide}#the-critical-requirement` },
			{ text: 'Validate with Zod on the server; derive types from the schema', href: `${backendApi}#service-shape` },
			{ text: 'Its own routes, status codes and error shape, ready for consumers besides this frontend', href: `${guide}#building-a-public-api` },
		],
	},
	'nextjs-openapi-client': {
		title: 'Next.js OpenAPI client',
		openFile: 'src/components/invoice-list.tsx',
		// Starts examples/hono-service (carried in hono-service/) beside the app.
		startScript: 'dev:with-service',
		includes: ['hono-service'],
		rules: [
			{ text: 'The client is generated from the service’s OpenAPI document (openapi-rq), and checked against it in CI', href: `${guide}#the-openapi--code-generation-workflow` },
			{ text: 'Clients import types from the schema, not from the service’s internal code', href: `${backendApi}#api-contract` },
		],
	},
	'nextjs-server-actions': {
		title: 'Next.js Server Actions',
		openFile: 'app/actions.ts',
		startScript: 'dev',
		rules: [
			{ text: 'Authenticated CRUD only this app calls stays with Server Actions: no separate API', href: `${guide}#when-to-stay-with-nextjs-server-actions` },
			{ text: 'Validate with Zod, one schema for the form and the action', href: `${backendApi}#service-shape` },
			{ text: 'Never trust the client (the playbook’s rule, applied to Server Actions): the user comes from the session, each action re-checks permissions', href: `${backendApi}#auth-between-services` },
			{ text: 'Standard CRUD with Row Level Security: the database refuses another user’s rows', href: `${guide}#when-nextjs-server-actions-are-not-enough` },
		],
	},
	'fastapi-service': {
		title: 'FastAPI service',
		openFile: 'src/app/main.py',
		run: 'uv run fastapi run src/app/main.py --port 8000',
		rules: [
			{ text: 'FastAPI with Pydantic v2 models; uv, ruff + black, pytest; src/app/ with routers/, models/, db/, deps.py, main.py', href: `${backendApi}#service-shape` },
			{ text: 'Async by default: SQLAlchemy 2.0 async, asyncpg on PostgreSQL', href: `${backendApi}#service-shape` },
			{ text: 'OpenAPI generated by FastAPI, never hand-written; /v1/ in the path; errors in one shape with documented codes', href: `${backendApi}#api-contract` },
			{ text: 'Short-lived JWTs verified with JWKS; permissions re-checked per endpoint', href: `${backendApi}#auth-between-services` },
			{ text: 'The service owns its tables; its migrations (Alembic) live in it', href: `${backendApi}#database` },
			{ text: 'Structured JSON logs: method, path, status, duration_ms, trace_id, user_id', href: `${backendApi}#observability` },
			{ text: 'Token bucket per user and endpoint (Redis when configured); 429 with Retry-After', href: `${backendApi}#rate-limiting--abuse` },
			{ text: 'Health endpoint with a DB ping; graceful shutdown on SIGTERM', href: `${backendApi}#deployment` },
			{ text: 'Integration tests against a real PostgreSQL in CI (a CI cluster, not testcontainers)', href: `${backendApi}#testing` },
		],
	},
	'flask-service': {
		title: 'Flask service',
		openFile: 'src/flask_service/app.py',
		run: 'uv run flask --app flask_service.app run --port 5000',
		rules: [
			{ text: 'Flask with marshmallow schemas validating the input', href: `${guide}#flask-python` },
			{ text: 'An OpenAPI document from the same schemas, for generated frontend hooks', href: `${guide}#the-openapi--code-generation-workflow` },
		],
	},
};
