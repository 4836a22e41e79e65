// Merging a partial source-landing run into the recorded results: a run that lands only some
// sources or sizes (SG_BENCH_SOURCES, SG_BENCH_WORLD_SIZES) replaces those figures and keeps the
// others, each figure stamped with when it was recorded, so the file never mixes runs silently.

/** One recorded figure per source, with the time it was measured. */
export type StampedSources = Record<string, Record<string, unknown> & { recordedAt?: string }>;

export interface SizeResult {
  sources: StampedSources;
  [key: string]: unknown;
}

export type SourceLandingResults = Record<string, SizeResult>;

function isSizeResult(value: unknown): value is SizeResult {
  return (
    typeof value === 'object' &&
    value !== null &&
    'sources' in value &&
    typeof value.sources === 'object' &&
    value.sources !== null
  );
}

/**
 * `previous` (the recorded file's `result`, anything) updated with `fresh`: per size, the fresh
 * run's fields win, and its sources replace the recorded ones of the same name (stamped
 * `recordedAt`); sources and sizes the run did not touch stay as recorded.
 */
export function mergeSourceLandingResults(
  previous: unknown,
  fresh: Record<string, { sources: Record<string, unknown> }>,
  recordedAt: string,
): SourceLandingResults {
  const merged: SourceLandingResults = {};
  if (typeof previous === 'object' && previous !== null) {
    for (const [size, value] of Object.entries(previous)) {
      if (isSizeResult(value)) merged[size] = value;
    }
  }
  for (const [size, result] of Object.entries(fresh)) {
    const stamped: StampedSources = {};
    for (const [source, figure] of Object.entries(result.sources)) {
      if (typeof figure === 'object' && figure !== null)
        stamped[source] = { ...figure, recordedAt };
    }
    const recorded = merged[size] ?? { sources: {} };
    // A size's note described the run that wrote it; the merged figures carry their own stamps.
    const kept = Object.fromEntries(Object.entries(recorded).filter(([key]) => key !== 'note'));
    merged[size] = { ...kept, ...result, sources: { ...recorded.sources, ...stamped } };
  }
  return merged;
}
