export {
  NO_JITTER,
  backoffDelayMs,
  fullJitter,
  type BackoffSchedule,
  type Jitter,
} from './backoff.ts';
