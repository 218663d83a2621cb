import { describe, expect, it } from 'vitest';
import { needsReview, pageOwnershipSchema, reviewDueDate } from './page-ownership.ts';

describe('page ownership frontmatter', () => {
	it('accepts an owner and a YAML date', () => {
		const parsed = pageOwnershipSchema.parse({ owner: 'Platform team', reviewed: new Date('2026-10-01') });
		expect(parsed.owner).toBe('Platform team');
		expect(parsed.reviewed.toISOString()).toBe('2026-10-01T00:00:00.000Z');
	});

	it('names the missing owner field and says what to write', () => {
		const result = pageOwnershipSchema.safeParse({ reviewed: '2026-10-01' });
		expect(result.success).toBe(false);
		expect(result.error?.issues[0]?.path).toEqual(['owner']);
		expect(result.error?.issues[0]?.message).toMatch(/team or person/);
	});

	it('rejects a reviewed value that is not a date', () => {
		const result = pageOwnershipSchema.safeParse({ owner: 'Platform team', reviewed: 'last spring' });
		expect(result.success).toBe(false);
		expect(result.error?.issues[0]?.path).toEqual(['reviewed']);
		expect(result.error?.issues[0]?.message).toMatch(/YYYY-MM-DD/);
	});

	it('rejects a review date in the future', () => {
		const result = pageOwnershipSchema.safeParse({ owner: 'Platform team', reviewed: '2999-01-01' });
		expect(result.success).toBe(false);
		expect(result.error?.issues[0]?.message).toMatch(/future/);
	});
});

describe('review interval', () => {
	it('is due six months after the review', () => {
		expect(reviewDueDate(new Date('2026-01-31')).toISOString().slice(0, 10)).toBe('2026-07-31');
	});

	it('asks for a review only once six months have passed', () => {
		const reviewed = new Date('2026-01-10');
		expect(needsReview(reviewed, new Date('2026-07-09'))).toBe(false);
		expect(needsReview(reviewed, new Date('2026-07-11'))).toBe(true);
	});
});
