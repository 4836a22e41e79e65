// Latency figures of a load test: percentiles by the nearest-rank method, throughput per second.

export interface LatencySummary {
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** The nearest-rank percentile `p` (0–100) of `sortedMs` (ascending); 0 for no samples. */
export function percentile(sortedMs: readonly number[], p: number): number {
  if (sortedMs.length === 0) return 0;
  const rank = Math.max(1, Math.ceil((p / 100) * sortedMs.length));
  return sortedMs[Math.min(rank, sortedMs.length) - 1] ?? 0;
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

/** Requests, throughput and p50/p95/p99/max of `latenciesMs` measured over `seconds`. */
export function summariseLatencies(
  latenciesMs: readonly number[],
  seconds: number,
): LatencySummary {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  return {
    requests: sorted.length,
    seconds: round1(seconds),
    requestsPerSecond: round1(sorted.length / seconds),
    p50Ms: round1(percentile(sorted, 50)),
    p95Ms: round1(percentile(sorted, 95)),
    p99Ms: round1(percentile(sorted, 99)),
    maxMs: round1(sorted.at(-1) ?? 0),
  };
}
