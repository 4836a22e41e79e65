// The permission guard's overhead: the same tRPC procedure body called through createCaller once
// as publicProcedure and once behind withPermission('bi.read'), alternating in rounds so that both
// see the same machine load. Every guarded answer is checked to be the unguarded one.
import {
  createCallerFactory,
  publicProcedure,
  router,
  withPermission,
  type RpcContext,
} from '@sg/rpc';
import { summariseLatencies, type LatencySummary } from './latency.ts';

const answer = () => ({ prefectures: 5, enterprises: 3975 });

const benchRouter = router({
  unguarded: publicProcedure.query(answer),
  guarded: withPermission('bi.read').query(answer),
});

const ANALYST_CONTEXT: RpcContext = {
  requestId: 'bench',
  user: {
    userId: 'bench-analyst',
    login: 'analyst.bench',
    displayName: '基准分析师',
    orgUnitId: 'head_office',
    roles: ['analyst'],
  },
};

export interface RpcGuardResult {
  readonly callsEach: number;
  readonly unguarded: LatencySummary;
  readonly guarded: LatencySummary;
  /** Per-call percentiles in microseconds (the summaries round to 0.1 ms). */
  readonly unguardedUs: { readonly p50: number; readonly p99: number };
  readonly guardedUs: { readonly p50: number; readonly p99: number };
  /** guarded p50 − unguarded p50, in microseconds. */
  readonly guardOverheadP50Us: number;
  readonly guardOverheadP99Us: number;
}

export async function benchRpcGuard(callsEach = 20_000): Promise<RpcGuardResult> {
  const caller = createCallerFactory(benchRouter)(ANALYST_CONTEXT);
  const expected = JSON.stringify(answer());
  const times = { unguarded: [] as number[], guarded: [] as number[] };
  const seconds = { unguarded: 0, guarded: 0 };
  for (let warm = 0; warm < 1_000; warm += 1) {
    await caller.unguarded();
    await caller.guarded();
  }
  for (let call = 0; call < callsEach; call += 1) {
    for (const name of ['unguarded', 'guarded'] as const) {
      const started = performance.now();
      const result = await caller[name]();
      const elapsed = performance.now() - started;
      if (JSON.stringify(result) !== expected) throw new Error(`${name}: wrong answer`);
      times[name].push(elapsed);
      seconds[name] += elapsed / 1000;
    }
  }
  const unguarded = summariseLatencies(times.unguarded, seconds.unguarded);
  const guarded = summariseLatencies(times.guarded, seconds.guarded);
  const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
  const at = (values: number[], q: number) =>
    sorted(values)[Math.floor(q * (values.length - 1))] ?? 0;
  const us = (ms: number) => Math.round(ms * 10_000) / 10;
  return {
    callsEach,
    unguarded,
    guarded,
    unguardedUs: { p50: us(at(times.unguarded, 0.5)), p99: us(at(times.unguarded, 0.99)) },
    guardedUs: { p50: us(at(times.guarded, 0.5)), p99: us(at(times.guarded, 0.99)) },
    guardOverheadP50Us: us(at(times.guarded, 0.5) - at(times.unguarded, 0.5)),
    guardOverheadP99Us: us(at(times.guarded, 0.99) - at(times.unguarded, 0.99)),
  };
}
