// One flat config for the whole repository. Type-checked rules are errors; the dependency rules
// between top folders (docs/architecture: "may import") are enforced with no-restricted-imports.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import { join } from 'node:path';

/** Packages grouped by top folder, for the dependency rules. */
const CONNECTORS = ['@sg/connector-*'];
const SIMULATORS = ['@sg/sim-*'];
const PIPELINES = ['@sg/pipelines'];
const SEMANTIC = ['@sg/semantic'];
const APPS = ['@sg/app-*', '!@sg/app-db']; // @sg/app-db is a package (packages/app-db), not an app
const BENCH = ['@sg/bench'];

/**
 * Shared helpers that a package re-exports for bench/ only: everyone else imports them from the
 * package named for what it holds (docs/conventions.md, "Give shared code a package named for what
 * it holds").
 */
const BORROWED_NAMES = [
  {
    name: '@sg/lake',
    importNames: ['findRepoRoot'],
    message: 'findRepoRoot lives in @sg/runtime-env.',
  },
  {
    name: '@sg/lake',
    importNames: ['sqlString', 'sqlIdentifier'],
    message: 'The SQL text helpers live in @sg/sql-text.',
  },
];

/** @param {string} folder @param {string[]} banned @param {{ group: string[], message: string }[]} [more] */
const mayNotImport = (folder, banned, more = []) => ({
  files: [`${folder}/**/*.{ts,js,svelte}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: BORROWED_NAMES,
        patterns: [
          {
            group: banned,
            message: `${folder}/ may not import this (see docs/architecture.md, "may import").`,
          },
          {
            regex: '^(\\.\\./)+(connectors|simulators|pipelines|semantic|apps|bench|packages)/',
            message: 'Import another top folder through its package name, never by relative path.',
          },
          {
            regex: '^@sg/[^/]+/src(/|$)',
            message: 'Import a package through its index (src/index.ts), never a deep path.',
          },
          ...more,
        ],
      },
    ],
  },
});

/** What simulators need from packages comes from the packages named for it, never the lake's. */
const SIMULATORS_WITHOUT_LAKE = {
  group: ['@sg/lake', '@sg/lake/*', '@sg/app-db'],
  message:
    'Simulators use @sg/runtime-env, @sg/sql-text, @sg/duckdb-instance, @sg/simulator-kit and ' +
    '@sg/embedded-postgres, not the lake or the app database.',
};

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/.svelte-kit/**',
      '**/build/**',
      '**/dist/**',
      '.venv/**',
      '.data/**',
      'models/**',
      '**/gen/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: {
        projectService: true,
        tsconfigRootDir: join(import.meta.dirname, '..', '..', '..'),
        extraFileExtensions: ['.svelte'],
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      globals: { ...globals.browser },
      parserOptions: { parser: tseslint.parser },
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  mayNotImport('packages', [
    ...CONNECTORS,
    ...SIMULATORS,
    ...PIPELINES,
    ...SEMANTIC,
    ...APPS,
    ...BENCH,
  ]),
  mayNotImport('connectors', [...SIMULATORS, ...PIPELINES, ...SEMANTIC, ...APPS, ...BENCH]),
  mayNotImport(
    'simulators',
    [...CONNECTORS, ...PIPELINES, ...SEMANTIC, ...APPS, ...BENCH],
    [SIMULATORS_WITHOUT_LAKE],
  ),
  mayNotImport('pipelines', [...SIMULATORS, ...SEMANTIC, ...APPS, ...BENCH]),
  mayNotImport('semantic', [...CONNECTORS, ...SIMULATORS, ...PIPELINES, ...APPS, ...BENCH]),
  mayNotImport('apps', [...CONNECTORS, ...SIMULATORS, ...PIPELINES, ...SEMANTIC, ...BENCH]),
  {
    // One offline DuckDB setup (extensions from the wheels, no downloads, UTC): every instance comes
    // from @sg/duckdb-instance. bench/ is outside the rule until its owners move to it.
    files: ['**/*.{ts,js,svelte}'],
    ignores: ['packages/duckdb-instance/src/**', 'bench/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "MemberExpression[object.name='DuckDBInstance'][property.name=/^(create|fromCache)$/]",
          message:
            'Create DuckDB instances with createOfflineInstance from @sg/duckdb-instance (one setup).',
        },
      ],
    },
  },
  {
    // Workflow code is replayed deterministically: no I/O, no Node built-ins, activities by type only.
    files: ['pipelines/src/workflows/**/*.ts'],
    ignores: ['pipelines/src/workflows/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex:
                '^(node:|fs|path|http|https|net|child_process|@duckdb|pg$|@sg/(lake|app-db|connector-))',
              message: 'Workflows orchestrate only: do I/O in activities.',
            },
          ],
        },
      ],
    },
  },
);
