/**
 * The conformance suite: start each service by its own command, against the suite's own IdP,
 * and check the shared HTTP contract over the network with `fetch` only.
 *
 *   node src/run.ts                    # every service in the table
 *   node src/run.ts fastapi-service    # one of them
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { authChecks } from './checks-auth.ts';
import { protocolChecks } from './checks-protocol.ts';
import { resourceChecks } from './checks-resources.ts';
import { uniqueUser } from './http.ts';
import { AUDIENCE, ISSUER, startIdp, type Idp } from './idp.ts';
import { SERVICES, startService, type RunningService } from './services.ts';

const ALL = 'users:read users:write invoices:read invoices:write';

type Caller = { id: string; token: string };
export type Context = () => { service: RunningService; idp: Idp; users: Record<'alice' | 'bob' | 'carol', Caller> };

/** `it()` options for a check: a known gap of the service under test is a visible `todo`. */
export type CheckOptions = (id: string) => { todo?: string };

const names = process.argv.slice(2);
for (const name of names) if (!SERVICES[name]) throw new Error(`Unknown service "${name}". Known: ${Object.keys(SERVICES).join(', ')}`);

for (const name of names.length > 0 ? names : Object.keys(SERVICES)) {
  describe(name, { concurrency: false }, () => {
    let state: ReturnType<Context> | undefined;
    let idp: Idp | undefined;
    const ctx: Context = () => state ?? assert.fail(`${name} is not running`);

    before(async () => {
      idp = await startIdp();
      const service = await startService(name, idp, { issuer: ISSUER, audience: AUDIENCE });
      const caller = async (who: string) => {
        const id = uniqueUser(who);
        return { id, token: await idp!.token(id, ALL) };
      };
      state = { service, idp, users: { alice: await caller('alice'), bob: await caller('bob'), carol: await caller('carol') } };
    });
    after(async () => {
      await state?.service.stop();
      await idp?.close();
    });

    const gaps = SERVICES[name]!.knownGaps ?? {};
    const options: CheckOptions = (id) => (gaps[id] ? { todo: gaps[id] } : {});
    describe('protocol', () => protocolChecks(ctx));
    describe('authentication and scopes', () => authChecks(ctx));
    describe('users and invoices', () => resourceChecks(ctx, options));

    it('exits 0 on SIGTERM once drained', async () => {
      const code = await ctx().service.stop();
      state = undefined;
      assert.equal(code, 0);
    });
  });
}
