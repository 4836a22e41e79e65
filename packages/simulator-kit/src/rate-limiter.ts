/**
 * Token bucket per API key, as vendors meter requests: `capacity` requests at once, refilled at
 * `refillPerSecond`. An empty bucket answers with the whole seconds until the next token, which
 * the server sends as Retry-After.
 */

export interface RateLimit {
  readonly capacity: number;
  readonly refillPerSecond: number;
}

export type RateDecision =
  { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

export interface RateLimiter {
  take(key: string): RateDecision;
}

export function createRateLimiter(limit: RateLimit, now: () => number): RateLimiter {
  if (!(limit.capacity >= 1) || !(limit.refillPerSecond > 0)) {
    throw new RangeError('rate limit needs capacity ≥ 1 and refillPerSecond > 0');
  }
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(key) {
      const t = now();
      const bucket = buckets.get(key) ?? { tokens: limit.capacity, at: t };
      bucket.tokens = Math.min(
        limit.capacity,
        bucket.tokens + ((t - bucket.at) / 1000) * limit.refillPerSecond,
      );
      bucket.at = t;
      buckets.set(key, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { allowed: true };
      }
      const waitSeconds = (1 - bucket.tokens) / limit.refillPerSecond;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitSeconds)) };
    },
  };
}
