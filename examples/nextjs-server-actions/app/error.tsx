'use client';

/** Shown when rendering or an action fails unexpectedly (e.g. the database is unreachable). */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <>
      <h1>Something went wrong</h1>
      <p className="error" data-testid="page-error">
        The notes could not be loaded or saved. Try again in a moment.
      </p>
      <button type="button" onClick={reset}>
        Try again
      </button>
    </>
  );
}
