import { describe, expect, it } from 'vitest';
import { ReportParamsSchema } from '../../schemas/reports.ts';
import { reportJobId } from './report-job.ts';

// RFC 9562 layout: the version digit, then the variant (10xx: 8, 9, a or b).
const UUID_V8 = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('reportJobId (no Redis)', () => {
  it('gives the same id for the same user and Idempotency-Key, so a retried POST finds its job', () => {
    expect(reportJobId('alice', 'key-1')).toBe(reportJobId('alice', 'key-1'));
    // Pinned: a retry that straddles a deploy must still land on the job it queued.
    expect(reportJobId('alice', '5d1c7a7e-8e0c-4c1b-9a59-0f3e8b6d2a41')).toBe('90bfae49-dabf-8b15-b4f8-e83c15d575f8');
  });

  it("gives another user's same Idempotency-Key another id, and the same user's other key another id", () => {
    expect(reportJobId('bob', 'key-1')).not.toBe(reportJobId('alice', 'key-1'));
    expect(reportJobId('alice', 'key-2')).not.toBe(reportJobId('alice', 'key-1'));
  });

  it('gives a fresh random id on every call without an Idempotency-Key', () => {
    const ids = Array.from({ length: 100 }, () => reportJobId('alice'));
    expect(new Set(ids).size).toBe(100);
    for (const id of ids) expect(id).toMatch(UUID_V4);
  });

  it('makes every derived id a UUID (version 8) that GET /v1/reports/{id} accepts', () => {
    // Enough keys for every value of the variant nibble to come up.
    for (let i = 0; i < 200; i++) {
      const id = reportJobId(`user-${i % 7}`, `key-${i}`);
      expect(id).toMatch(UUID_V8);
      expect(ReportParamsSchema.safeParse({ id }).success, id).toBe(true);
    }
  });
});
