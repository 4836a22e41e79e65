// A separate process that lands the bank inbox: lets tests crash a landing just before an
// entity's COMMIT (SIGKILL) and check that a rerun completes.
// Usage: node land-child-process.ts '<json {config, inboxDir, window, crashBeforeCommitOf?}>'
import type { LakeConfig } from '@sg/lake';
import { openLake } from '@sg/lake';
import type { BankEntity } from '../extract.ts';
import { landBankDrops } from '../land.ts';

interface ChildInput {
  config: LakeConfig;
  inboxDir: string;
  window: string;
  crashBeforeCommitOf?: BankEntity;
}

const input = JSON.parse(process.argv[2] ?? '{}') as ChildInput;
const lake = await openLake(input.config);
const result = await landBankDrops(lake, {
  inboxDir: input.inboxDir,
  window: input.window,
  beforeCommit: (entity) => {
    if (entity === input.crashBeforeCommitOf) process.kill(process.pid, 'SIGKILL');
    return Promise.resolve();
  },
});
lake.close();
process.stdout.write(`${JSON.stringify(result)}\n`);
