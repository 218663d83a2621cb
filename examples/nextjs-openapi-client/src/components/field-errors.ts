import type { FieldError } from '@/api/api-error';

/**
 * Group a validation error's details by form field. `fieldFor` maps the service's path
 * (`body.amountCents`) to the form's field name (`amount`); unmapped paths go under `form`.
 */
export function groupFieldErrors(fields: FieldError[], fieldFor: Record<string, string>): Record<string, string[]> {
  const grouped: Record<string, string[]> = {};
  for (const { path, message } of fields) {
    const name = fieldFor[path] ?? 'form';
    (grouped[name] ??= []).push(message);
  }
  return grouped;
}
