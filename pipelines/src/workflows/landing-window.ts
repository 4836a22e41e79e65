import { ApplicationFailure } from '@temporalio/common';

/**
 * A landing window names one extraction of a source, e.g. `2024-06-30`. It becomes part of the
 * workflow id (`sources-landing-<window>`) and of lake partitions, so it is kept to a short run of
 * letters, digits and `-_.:`.
 */
const LANDING_WINDOW = /^[0-9A-Za-z][0-9A-Za-z_.:-]{0,63}$/;

export const INVALID_LANDING_WINDOW = 'InvalidLandingWindow';

export function isLandingWindow(window: string): boolean {
  return LANDING_WINDOW.test(window);
}

/** Fails the workflow (not retried) when `window` is not a landing window. */
export function assertLandingWindow(window: string): void {
  if (!isLandingWindow(window)) {
    throw ApplicationFailure.nonRetryable(
      `invalid landing window ${JSON.stringify(window)}: expected letters, digits and -_.: (e.g. 2024-06-30)`,
      INVALID_LANDING_WINDOW,
    );
  }
}
