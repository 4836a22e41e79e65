// CLI: node simulators/bank/src/main.ts --world <dir> --out <outbox> [--from YYYY-MM-DD]
//        [--to YYYY-MM-DD] [--bank CODE]… [--fault-totals-mismatch ACCOUNT_NO]…
// Prints the manifests it wrote as JSON.
import { parseArgs } from 'node:util';
import { writeBankDrops } from './write-bank-drops.ts';

const { values } = parseArgs({
  options: {
    world: { type: 'string' },
    out: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    bank: { type: 'string', multiple: true },
    'fault-totals-mismatch': { type: 'string', multiple: true },
  },
});
if (values.world === undefined || values.out === undefined) {
  process.stderr.write(
    '用法：main.ts --world <世界目录> --out <投递目录> [--from 日期] [--to 日期]\n',
  );
  process.exit(2);
}
const manifests = await writeBankDrops({
  worldDir: values.world,
  outboxDir: values.out,
  ...(values.from === undefined ? {} : { periodStart: values.from }),
  ...(values.to === undefined ? {} : { periodEnd: values.to }),
  ...(values.bank === undefined ? {} : { bankCodes: values.bank }),
  faults: { totalsMismatchAccounts: values['fault-totals-mismatch'] ?? [] },
});
process.stdout.write(`${JSON.stringify(manifests)}\n`);
