import assert from 'node:assert/strict';
import { test } from 'node:test';
import { groupFieldErrors } from './field-errors.ts';

test('groups validation details by form field, unknown paths under "form"', () => {
  const grouped = groupFieldErrors(
    [
      { path: 'body.amountCents', message: 'Too small' },
      { path: 'body.amountCents', message: 'Not an integer' },
      { path: 'body.status', message: 'Invalid option' },
    ],
    { 'body.amountCents': 'amount' },
  );
  assert.deepEqual(grouped, { amount: ['Too small', 'Not an integer'], form: ['Invalid option'] });
});
