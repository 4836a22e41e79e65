export {
  LEDGER_FILES,
  REPORT_TABLES,
  USAGE,
  parseReportArgs,
  reportDbtArgs,
  reportDbtVars,
} from './report-request.ts';
export type { ReportRequest } from './report-request.ts';
export { runRegulatoryReport } from './run-regulatory-report.ts';
export type {
  RegulatoryReportResult,
  RunRegulatoryReportOptions,
} from './run-regulatory-report.ts';
