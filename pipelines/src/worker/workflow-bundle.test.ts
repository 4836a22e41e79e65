// The worker bundles workflow code with webpack into a sandbox without Node built-ins: a workflow
// that (directly or through a library) imports I/O must fail here, not when a worker starts.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DefaultLogger } from '@temporalio/worker';
import { bundleWorkflowCode } from '@temporalio/worker';
import { afterAll, describe, expect, it } from 'vitest';
import { findRepoRoot } from '@sg/runtime-env';
import { quietLogger } from '../testing/local-temporal.ts';
import { WORKFLOWS_PATH } from './create-worker.ts';

// Inside the repository (under node_modules/.cache, ignored everywhere) so that scratch workflows
// resolve @temporalio/workflow like the real ones do. Plain JavaScript: the bundler compiles
// TypeScript outside node_modules only.
const cacheDir = path.join(findRepoRoot(), 'node_modules', '.cache');
mkdirSync(cacheDir, { recursive: true });
const scratch = mkdtempSync(path.join(cacheDir, 'sg-workflow-bundle-'));
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

/** Bundles `source` as a workflows module; resolves with webpack's error output ('' if none). */
async function bundleErrors(name: string, source: string): Promise<string> {
  const workflowsPath = path.join(scratch, `${name}.js`);
  writeFileSync(workflowsPath, source);
  const errors: string[] = [];
  const logger = new DefaultLogger('ERROR', ({ message }) => errors.push(message));
  return bundleWorkflowCode({ workflowsPath, logger }).then(
    () => '',
    (error: unknown) => [String(error), ...errors].join('\n'),
  );
}

describe('workflow bundle', () => {
  it('bundles src/workflows/index.ts with every exported workflow and no I/O', async () => {
    const { code } = await bundleWorkflowCode({
      workflowsPath: WORKFLOWS_PATH,
      logger: quietLogger,
    });
    expect(code).toContain('sourcesLandingAndBuild');
    expect(code).not.toMatch(/@duckdb|node:child_process|@sg\/lake/);
  });

  it('CLEAN_SCRATCH_WORKFLOW: a scratch workflow without I/O bundles (control)', async () => {
    const source =
      "import { sleep } from '@temporalio/workflow';\n" +
      'export async function w() { await sleep(1); }\n';
    expect(await bundleErrors('CLEAN_SCRATCH_WORKFLOW', source)).toBe('');
  });

  it.each([
    {
      name: 'FILE_SYSTEM_IN_WORKFLOW',
      source:
        "import { readFileSync } from 'node:fs';\n" +
        "export async function w() { return readFileSync('x', 'utf8'); }\n",
      module: 'node:fs',
    },
    {
      name: 'CHILD_PROCESS_IN_WORKFLOW',
      source:
        "import { spawn } from 'node:child_process';\n" +
        "export async function w() { spawn('dbt'); }\n",
      module: 'node:child_process',
    },
  ])('rejects $name', async ({ name, source, module }) => {
    const errors = await bundleErrors(name, source);
    expect(errors).toMatch(/Webpack finished with errors/);
    expect(errors).toContain(module);
  });
});
