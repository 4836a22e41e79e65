/**
 * What `regulatory-report` is asked to do, parsed from its command line, and the dbt invocation
 * that follows from it. Pure: no I/O.
 */
import { isAbsolute, resolve } from 'node:path';
import { parseArgs } from 'node:util';

/** The files an external ledger holds (format: models/examples/external-ledger/README.md). */
export const LEDGER_FILES = [
  'guarantees.csv',
  'customers.csv',
  'events.csv',
  'company_figures.csv',
] as const;

/** The marts written out, each as <name>.csv and <name>.json, with their order. */
export const REPORT_TABLES = [
  { name: 'regulatory_monthly_report', orderBy: 'month_end, line_order' },
  { name: 'reg_company_indicators', orderBy: 'month_end' },
  { name: 'reg_client_concentrations', orderBy: 'month_end, customer_key' },
  { name: 'reg_group_concentrations', orderBy: 'month_end, related_group_key' },
  { name: 'reg_guarantee_exposures', orderBy: 'month_end, guarantee_key' },
  { name: 'reg_compensation_flows', orderBy: 'month_end' },
  { name: 'reg_fee_cap_checks', orderBy: 'guarantee_key' },
  { name: 'reg_policy_shares', orderBy: 'month_end' },
] as const;

export interface ReportRequest {
  /** Absolute folder of the external ledger's CSV files. */
  readonly ledgerDir: string;
  /** Absolute folder the CSV and JSON files are written to. */
  readonly outDir: string;
  /** Month-ends (YYYY-MM-DD) to compute; empty: every month-end of the company figures. */
  readonly monthEnds: readonly string[];
  /** [M] readings switched from their default: option code → choice (seeds/regulatory/reg_options.csv). */
  readonly options: Readonly<Record<string, string>>;
  /** The company's province (GB/T 2260), for the per-province overrides. */
  readonly province: string;
}

export const USAGE = `用法 / usage: regulatory-report --ledger <目录> --out <目录>
  [--month-end YYYY-MM-DD]…  只计算这些月末（默认：公司财务数据中的每个月末）
  [--option 代码=取值]…       切换未经核实的口径，例如 --option leverage_net_assets=book_net_assets
  [--province 640000]        公司所在省（省级覆盖参数）`;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CODE = /^[a-z_]+$/;
const PROVINCE = /^\d{2}0000$/;

function safePath(value: string, what: string): string {
  // The folder is written into SQL string literals by dbt; a quote could not be read back safely.
  if (value.includes("'")) throw new Error(`${what} 路径不能包含单引号: ${value}`);
  return isAbsolute(value) ? value : resolve(value);
}

/** Parses the command line; throws an Error with a Chinese message and the usage on bad input. */
export function parseReportArgs(argv: readonly string[]): ReportRequest {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      ledger: { type: 'string' },
      out: { type: 'string' },
      'month-end': { type: 'string', multiple: true },
      option: { type: 'string', multiple: true },
      province: { type: 'string' },
    },
    strict: true,
  });
  if (values.ledger === undefined || values.out === undefined) {
    throw new Error(`缺少 --ledger 或 --out\n${USAGE}`);
  }
  const monthEnds = values['month-end'] ?? [];
  for (const monthEnd of monthEnds) {
    if (!DATE.test(monthEnd)) throw new Error(`--month-end 须为 YYYY-MM-DD: ${monthEnd}`);
  }
  const options: Record<string, string> = {};
  for (const pair of values.option ?? []) {
    const [code, choice, ...rest] = pair.split('=');
    if (code === undefined || choice === undefined || rest.length > 0) {
      throw new Error(`--option 须为 代码=取值: ${pair}`);
    }
    if (!CODE.test(code) || !CODE.test(choice)) throw new Error(`--option 代码或取值无效: ${pair}`);
    options[code] = choice;
  }
  const province = values.province ?? '640000';
  if (!PROVINCE.test(province)) throw new Error(`--province 须为省级行政区划代码: ${province}`);
  return {
    ledgerDir: safePath(values.ledger, '--ledger'),
    outDir: safePath(values.out, '--out'),
    monthEnds,
    options,
    province,
  };
}

/** The dbt vars that point the regulatory models at the external ledger. */
export function reportDbtVars(request: ReportRequest): Record<string, unknown> {
  return {
    ledger_source: 'csv',
    ledger_dir: request.ledgerDir,
    regulatory_province: request.province,
    regulatory_month_ends: request.monthEnds,
    regulatory_options: request.options,
  };
}

/** `dbt build` of the regulatory seeds and marts and everything they read (nothing from the lake). */
export function reportDbtArgs(request: ReportRequest): string[] {
  return [
    'build',
    '--select',
    'path:seeds/regulatory',
    '+path:models/marts/regulatory',
    '--vars',
    JSON.stringify(reportDbtVars(request)),
  ];
}
