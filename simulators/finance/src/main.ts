// CLI: node simulators/finance/src/main.ts --world <dir> --out <outbox> [--no-defects]
// Prints the manifests it wrote as JSON.
import { parseArgs } from 'node:util';
import { writeFinanceDrops } from './write-finance-drops.ts';

const { values } = parseArgs({
  options: {
    world: { type: 'string' },
    out: { type: 'string' },
    'no-defects': { type: 'boolean' },
  },
});
if (values.world === undefined || values.out === undefined) {
  process.stderr.write('用法：main.ts --world <世界目录> --out <投递目录> [--no-defects]\n');
  process.exit(2);
}
const manifests = await writeFinanceDrops({
  worldDir: values.world,
  outboxDir: values.out,
  defects: values['no-defects'] !== true,
});
process.stdout.write(`${JSON.stringify(manifests)}\n`);
