'use client';

import type { ReactNode } from 'react';
import { describeApiError } from '@/api/api-error';
import { useGetHealth } from '@/api/generated/queries';
import { ApiErrorMessage } from './api-error-message';

/**
 * Renders its children only once the service answers its health check; otherwise says, in
 * plain words, where the service was expected and how to start it (StackBlitz has no service).
 */
export function ServiceGate({ serviceUrl, children }: { serviceUrl: string; children: ReactNode }) {
  const health = useGetHealth();

  if (health.isPending) {
    return (
      <p role="status" data-testid="service-connecting">
        Connecting to the service…
      </p>
    );
  }
  if (health.isError) {
    const described = describeApiError(health.error);
    if (described.code === 'service_unreachable') {
      return (
        <section className="panel service-down" data-testid="service-down" aria-labelledby="service-down-title">
          <h2 id="service-down-title">Service not reachable at {described.serviceUrl ?? serviceUrl}</h2>
          <p>
            This page needs examples/hono-service running. Stop this app and start both together (the
            service is installed on first use):
          </p>
          <pre>
            <code>npm run dev:with-service</code>
          </pre>
          <button type="button" onClick={() => void health.refetch()} disabled={health.isFetching}>
            {health.isFetching ? 'Checking…' : 'Try again'}
          </button>
        </section>
      );
    }
    return <ApiErrorMessage error={health.error} />;
  }
  return <>{children}</>;
}
