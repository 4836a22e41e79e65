// A separate process that lands one request: lets tests crash a landing mid-transaction (SIGKILL
// just before COMMIT) and run landings from several processes at once.
// Usage: node landing-child-process.ts '<json {config, request, crashBeforeCommit?}>'
import { landRecords } from '../land-records.ts';
import type { LandingRequest } from '../landing-request.ts';
import type { LakeConfig } from '../lake-config.ts';
import { openLake } from '../open-lake.ts';

export interface LandingChildInput {
  config: LakeConfig;
  request: LandingRequest;
  /** Kill this process with SIGKILL after all statements ran, before COMMIT. */
  crashBeforeCommit?: boolean;
}

const input = JSON.parse(process.argv[2] ?? '{}') as LandingChildInput;
const lake = await openLake(input.config);
const result = await landRecords(lake, input.request, {
  beforeCommit: () => {
    if (input.crashBeforeCommit === true) process.kill(process.pid, 'SIGKILL');
    return Promise.resolve();
  },
});
lake.close();
process.stdout.write(`${JSON.stringify(result)}\n`);
