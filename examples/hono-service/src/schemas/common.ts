import { z } from '@hono/zod-openapi';

// Building blocks with their bounds spelled out, so the OpenAPI document states every limit the
// service enforces (maxLength on every string, format and range on every integer).

/** An ISO 8601 date-time such as `2026-01-01T00:00:00.000Z`. */
export const timestamp = () => z.iso.datetime().max(40);

/** A UUID (36 characters). */
export const uuid = () => z.uuid().max(36);

/** An integer in [min, max] that fits 32 bits. */
export const int32 = (min: number, max: number) => z.number().int().min(min).max(max).openapi({ format: 'int32' });

/** An integer in [min, max] beyond 32 bits (JavaScript numbers are exact up to 2^53 - 1). */
export const int64 = (min: number, max = Number.MAX_SAFE_INTEGER) => z.number().int().min(min).max(max).openapi({ format: 'int64' });

/**
 * Free text from a client: trimmed, bounded, and without NUL, which PostgreSQL refuses in text
 * columns (SQLSTATE 22021): refused here as a 400, not turned into a 500 by the database.
 */
export const text = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .regex(/^[^\x00]*$/, 'Text must not contain NUL characters');
