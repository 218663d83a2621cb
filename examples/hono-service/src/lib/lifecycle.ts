/**
 * Whether the process still takes traffic. `/health` reads it so a load balancer stops sending
 * requests as soon as shutdown starts, while in-flight requests are still being finished.
 */
export type Lifecycle = {
  readonly draining: boolean;
  startDraining(): void;
};

/** A fresh lifecycle, accepting traffic. */
export function createLifecycle(): Lifecycle {
  let draining = false;
  return {
    get draining() {
      return draining;
    },
    startDraining() {
      draining = true;
    },
  };
}
