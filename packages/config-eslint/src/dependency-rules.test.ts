import { join } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const repoRoot = join(import.meta.dirname, '..', '..', '..');
// Snippets are not files of the TypeScript project, so type-aware linting is switched off for them;
// the import rules under test do not need types.
const eslint = new ESLint({ cwd: repoRoot, overrideConfig: tseslint.configs.disableTypeChecked });

/** The messages of rule `ruleId` for `source` placed at `filePath`. */
async function ruleMessages(ruleId: string, filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: join(repoRoot, filePath) });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === ruleId)
    .map((message) => message.message);
}

/** The messages of the no-restricted-imports rule for `source` placed at `filePath`. */
function restrictedImports(filePath: string, source: string): Promise<string[]> {
  return ruleMessages('no-restricted-imports', filePath, source);
}

describe('dependency rules between top folders (docs/architecture.md, "may import")', () => {
  const CASES: [string, string, string, boolean][] = [
    ['a connector importing a simulator', 'connectors/commerce/src/x.ts', '@sg/sim-commerce', true],
    [
      'a simulator importing a connector',
      'simulators/commerce/src/x.ts',
      '@sg/connector-commerce',
      true,
    ],
    ['a package importing pipelines', 'packages/domain/src/x.ts', '@sg/pipelines', true],
    ['an app importing the semantic server', 'apps/bi/src/lib/x.ts', '@sg/semantic', true],
    ['the semantic layer importing an app', 'semantic/src/x.ts', '@sg/app-bi', true],
    ['a connector importing a package', 'connectors/commerce/src/x.ts', '@sg/domain', false],
    ['pipelines importing a connector', 'pipelines/src/x.ts', '@sg/connector-commerce', false],
    ['bench importing anything', 'bench/src/x.ts', '@sg/pipelines', false],
    ['a simulator importing the app-db package', 'simulators/x/src/x.ts', '@sg/app-db', true],
    ['a simulator importing the lake', 'simulators/tax/src/x.ts', '@sg/lake', true],
    [
      'a simulator importing the simulator kit',
      'simulators/tax/src/x.ts',
      '@sg/simulator-kit',
      false,
    ],
    [
      'a connector reaching into a package',
      'connectors/tax/src/x.ts',
      '@sg/lake/src/open-lake.ts',
      true,
    ],
    [
      'pipelines reaching into a package',
      'pipelines/src/x.ts',
      '@sg/runtime-env/src/repo-root.ts',
      true,
    ],
    [
      'a connector importing a package subpath export',
      'connectors/tax/src/x.ts',
      '@sg/lake/testing',
      false,
    ],
    ['a package importing an app', 'packages/lake/src/x.ts', '@sg/app-bi', true],
  ];
  it.each(CASES)('%s → restricted: %s', async (_name, filePath, specifier, restricted) => {
    const messages = await restrictedImports(
      filePath,
      `import * as m from '${specifier}';\nexport const n = Object.keys(m).length;\n`,
    );
    expect(messages.length > 0).toBe(restricted);
  });

  it('forbids reaching another top folder by relative path', async () => {
    const messages = await restrictedImports(
      'connectors/commerce/src/x.ts',
      `import * as m from '../../../packages/domain/src/index.ts';\nexport const n = Object.keys(m).length;\n`,
    );
    expect(messages.join('\n')).toMatch(/through its package name/);
  });

  it.each([
    ['findRepoRoot', 'pipelines/src/x.ts', /@sg\/runtime-env/],
    ['sqlString', 'connectors/bank/src/x.ts', /@sg\/sql-text/],
  ])('refuses %s borrowed from @sg/lake', async (name, filePath, message) => {
    const messages = await restrictedImports(
      filePath,
      `import { ${name} } from '@sg/lake';\nexport const f = ${name};\n`,
    );
    expect(messages.join('\n')).toMatch(message);
  });

  it('forbids I/O imports in workflow code', async () => {
    const messages = await restrictedImports(
      'pipelines/src/workflows/x.ts',
      `import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n`,
    );
    expect(messages.join('\n')).toMatch(/Workflows orchestrate only/);
  });
});

describe('one offline DuckDB setup (@sg/duckdb-instance)', () => {
  const CREATE = `import { DuckDBInstance } from '@duckdb/node-api';\nexport const i = await DuckDBInstance.create(':memory:');\n`;
  const FROM_CACHE = `import { DuckDBInstance } from '@duckdb/node-api';\nexport const i = await DuckDBInstance.fromCache(':memory:');\n`;
  const CASES: [string, string, string, boolean][] = [
    ['a connector creating its own instance', 'connectors/tax/src/x.ts', CREATE, true],
    ['a simulator taking one from the cache', 'simulators/bank/src/x.ts', FROM_CACHE, true],
    ['the lake creating its own instance', 'packages/lake/src/x.ts', CREATE, true],
    ['a semantic test fixture', 'semantic/src/testing/x.ts', CREATE, true],
    ['the one package that sets it up', 'packages/duckdb-instance/src/x.ts', CREATE, false],
  ];
  it.each(CASES)('%s → refused: %s', async (_name, filePath, source, refused) => {
    const messages = await ruleMessages('no-restricted-syntax', filePath, source);
    expect(messages.length > 0).toBe(refused);
    if (refused) expect(messages.join('\n')).toMatch(/createOfflineInstance/);
  });
});
