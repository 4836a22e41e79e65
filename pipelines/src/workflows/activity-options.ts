// Activity timeouts and retry policies shared by the workflows (plain data: no I/O).
import type { ActivityOptions } from '@temporalio/workflow';
import { DBT_BUILD_FAILED } from '../activities/activity-metadata.ts';

/** A source or the lake catalog can be briefly unavailable: retry a landing with backoff. */
export const LANDING_RETRY: NonNullable<ActivityOptions['retry']> = {
  initialInterval: '1 second',
  backoffCoefficient: 2,
  maximumInterval: '1 minute',
  maximumAttempts: 5,
};

/**
 * `dbt build`: a failed model or test is deterministic (DbtBuildFailed, not retried); a crashed
 * dbt process or a locked catalog is retried.
 */
export const DBT_BUILD_ACTIVITY: ActivityOptions = {
  startToCloseTimeout: '30 minutes',
  retry: {
    initialInterval: '2 seconds',
    backoffCoefficient: 2,
    maximumAttempts: 3,
    nonRetryableErrorTypes: [DBT_BUILD_FAILED],
  },
};
