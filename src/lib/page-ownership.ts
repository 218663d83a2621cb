import { z } from 'astro/zod';

/** How long a review stays fresh before the page asks for another one. */
export const REVIEW_INTERVAL_MONTHS = 6;

/**
 * Frontmatter every handbook page carries on top of Starlight's own: who keeps it true,
 * and when they last checked it. Astro reports a failure with the file and the field.
 */
export const pageOwnershipSchema = z.object({
	owner: z
		.string({ error: 'add `owner:` naming the team or person who keeps this page true' })
		.trim()
		.min(2, 'owner must name a team or a person'),
	reviewed: z.coerce
		.date({ error: 'reviewed must be a date written as YYYY-MM-DD' })
		.refine((date) => date.getTime() <= Date.now() + 24 * 60 * 60 * 1000, {
			error: 'reviewed is in the future: use the date the page was last checked (YYYY-MM-DD)',
		}),
});

export type PageOwnership = z.infer<typeof pageOwnershipSchema>;

/** The date a page reviewed on `reviewed` is due for its next review. */
export function reviewDueDate(reviewed: Date): Date {
	const due = new Date(reviewed);
	due.setUTCMonth(due.getUTCMonth() + REVIEW_INTERVAL_MONTHS);
	return due;
}

/**
 * Whether a page reviewed on `reviewed` needs a new review at `now`.
 *
 * @example
 * needsReview(new Date('2026-01-10'), new Date('2026-07-11')) // true
 */
export function needsReview(reviewed: Date, now: Date = new Date()): boolean {
	return now.getTime() > reviewDueDate(reviewed).getTime();
}
