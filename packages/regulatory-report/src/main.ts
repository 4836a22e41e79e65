// `npx just regulatory-report --ledger <dir> --out <dir>`: the regulatory numbers of an external
// ledger (CSV files, models/examples/external-ledger/README.md), computed by the same dbt models as
// the platform's on a throwaway lake, written to <out> as CSV and JSON.
import { DbtRunError } from '@sg/dbt-cli';
import { parseReportArgs } from './report-request.ts';
import { runRegulatoryReport } from './run-regulatory-report.ts';

try {
  const request = parseReportArgs(process.argv.slice(2));
  const result = await runRegulatoryReport(request, {
    onOutput: (line) => {
      console.log(line);
    },
  });
  console.log(`已写出 ${String(result.files.length)} 个文件到 ${request.outDir}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  if (error instanceof DbtRunError) console.error('台账数据未通过 dbt 检查，见上方失败的节点。');
  process.exitCode = 1;
}
