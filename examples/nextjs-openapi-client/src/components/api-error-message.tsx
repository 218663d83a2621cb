import { describeApiError } from '@/api/api-error';

/** Shows a failed request the way a person needs it: what happened, and per-field problems. */
export function ApiErrorMessage({ error, testId = 'api-error' }: { error: unknown; testId?: string }) {
  const { message, fields, code } = describeApiError(error);
  return (
    <div className="error" data-testid={testId} data-code={code} role="alert">
      <p>{message}</p>
      {fields.length > 0 && (
        <ul>
          {fields.map((field) => (
            <li key={`${field.path}:${field.message}`}>
              <code>{field.path}</code>: {field.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
