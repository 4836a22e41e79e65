export { assertInboxExists, inboxDirFromEnvironment } from './inbox.ts';
export type { InboxSetting } from './inbox.ts';
export type {
  JsonValue,
  RawTableDefinition,
  RawTableLanding,
  SourceDefinition,
  SourceEnvironment,
  SourceLandingReport,
  SourceLandingRequest,
  SourcePartitioning,
} from './source-definition.ts';
export {
  RETRYABLE_HTTP_API_FAILURES,
  SOURCE_INBOX_MISSING,
  SOURCE_REJECTED,
  SourceApiError,
  SourceConfigError,
  SourceError,
  SourceInboxMissingError,
} from './source-error.ts';
export type { HttpApiFailureKind, SourceApiErrorDetails } from './source-error.ts';
export {
  periodInboxReport,
  type LandedPeriodDrop,
  type PeriodInboxLanding,
  type PeriodInboxReportOptions,
  type RefusedPeriodDrop,
} from './period-inbox-report.ts';
