/**
 * Faults the simulator can inject into its next API responses, for failure tests: an error status
 * (500/502/503 or a 429 with Retry-After), a malformed JSON body, or a connection cut in the middle
 * of the body. Faults queue up and each one applies to `count` consecutive API requests; a fault
 * with `pathContains` applies only to requests whose path contains that text (e.g. '/court-cases'),
 * other requests pass it by. Injected in-process (`simulator.faults.inject`) or over HTTP
 * (POST /v1/_sim/faults).
 */
import { z } from 'zod';

const pathContains = z.string().min(1).optional();

export const faultSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('status'),
    status: z.union([z.literal(429), z.literal(500), z.literal(502), z.literal(503)]),
    count: z.int().min(1).default(1),
    retryAfterSeconds: z.int().min(0).default(1),
    pathContains,
  }),
  z.object({ kind: z.literal('malformed-json'), count: z.int().min(1).default(1), pathContains }),
  z.object({ kind: z.literal('cut-connection'), count: z.int().min(1).default(1), pathContains }),
]);

export type FaultInput = z.input<typeof faultSchema>;
export type Fault = z.output<typeof faultSchema>;

export interface FaultInjector {
  inject(fault: FaultInput): void;
  /**
   * Removes and returns the fault for the next request, if any: the first queued fault without a
   * path filter or whose `pathContains` is in `path`.
   */
  takeNext(path?: string): Fault | undefined;
  /** Requests that will still fail. */
  pendingCount(): number;
  clear(): void;
}

/** The headers an injected status fault answers with: Retry-After on a 429, none otherwise. */
export function statusFaultHeaders(
  fault: Extract<Fault, { kind: 'status' }>,
): Record<string, string> {
  return fault.status === 429 ? { 'retry-after': String(fault.retryAfterSeconds) } : {};
}

export function createFaultInjector(): FaultInjector {
  const queue: Fault[] = [];
  return {
    inject(input) {
      queue.push(faultSchema.parse(input));
    },
    takeNext(path) {
      const index = queue.findIndex(
        (fault) =>
          fault.pathContains === undefined || (path?.includes(fault.pathContains) ?? false),
      );
      const fault = queue[index];
      if (fault === undefined) return undefined;
      if (fault.count <= 1) queue.splice(index, 1);
      else queue[index] = { ...fault, count: fault.count - 1 };
      return { ...fault, count: 1 };
    },
    pendingCount() {
      return queue.reduce((sum, fault) => sum + fault.count, 0);
    },
    clear() {
      queue.length = 0;
    },
  };
}
