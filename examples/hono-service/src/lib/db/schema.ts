import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Users, keyed by the identity provider's `sub`: the service never invents user ids. */
export const users = pgTable('users', {
  id: text('id').primaryKey(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/** Invoices belong to one user; every query filters by owner (see routes/invoices.ts). */
export const invoices = pgTable(
  'invoices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    amountCents: integer('amount_cents').notNull(),
    currency: text('currency').notNull(),
    description: text('description').notNull(),
    status: text('status', { enum: ['draft', 'open', 'paid', 'void'] }).notNull().default('draft'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (table) => [
    // The list endpoint reads "my invoices, newest first": one index serves it.
    index('invoices_user_id_created_at_idx').on(table.userId, table.createdAt),
    check('invoices_amount_positive', sql`${table.amountCents} > 0`),
    check('invoices_status_valid', sql`${table.status} in ('draft', 'open', 'paid', 'void')`),
  ],
);
