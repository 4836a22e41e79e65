/**
 * Faults the simulator can inject into its next API responses, for failure tests: an error status
 * (500/502/503 or a 429 with Retry-After), a malformed JSON body, or a connection cut in the middle
 * of the body. Faults queue up and each one applies to `count` consecutive API requests.
 * Injected in-process (`simulator.faults.inject`) or over HTTP (POST /v1/_sim/faults).
 */
import { z } from 'zod';

export const faultSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('status'),
    status: z.union([z.literal(429), z.literal(500), z.literal(502), z.literal(503)]),
    count: z.int().min(1).default(1),
    retryAfterSeconds: z.int().min(0).default(1),
  }),
  z.object({ kind: z.literal('malformed-json'), count: z.int().min(1).default(1) }),
  z.object({ kind: z.literal('cut-connection'), count: z.int().min(1).default(1) }),
]);

export type FaultInput = z.input<typeof faultSchema>;
export type Fault = z.output<typeof faultSchema>;

export interface FaultInjector {
  inject(fault: FaultInput): void;
  /** Removes and returns the fault for the next request, if any. */
  takeNext(): Fault | undefined;
  /** Requests that will still fail. */
  pendingCount(): number;
  clear(): void;
}

export function createFaultInjector(): FaultInjector {
  const queue: Fault[] = [];
  return {
    inject(input) {
      queue.push(faultSchema.parse(input));
    },
    takeNext() {
      const head = queue[0];
      if (head === undefined) return undefined;
      if (head.count <= 1) queue.shift();
      else queue[0] = { ...head, count: head.count - 1 };
      return { ...head, count: 1 };
    },
    pendingCount() {
      return queue.reduce((sum, fault) => sum + fault.count, 0);
    },
    clear() {
      queue.length = 0;
    },
  };
}
