'use client';

/** Shown when a server component throws, e.g. the API answered with an unexpected status. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <>
      <h1>Something went wrong</h1>
      <p className="error" data-testid="page-error">
        {error.message}
      </p>
      <button type="button" onClick={reset}>
        Try again
      </button>
    </>
  );
}
