import { describeApiError } from '@/api/api-error';

type ApiErrorMessageProps = {
  error: unknown;
  testId?: string;
  /** Validation paths the form already shows next to their field; they are not repeated here. */
  shownPaths?: string[];
};

/** Shows a failed request the way a person needs it: what happened, and per-field problems. */
export function ApiErrorMessage({ error, testId = 'api-error', shownPaths = [] }: ApiErrorMessageProps) {
  const { message, code, ...described } = describeApiError(error);
  const fields = described.fields.filter((field) => !shownPaths.includes(field.path));
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
