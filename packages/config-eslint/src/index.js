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

/** @param {string} folder @param {string[]} banned */
const mayNotImport = (folder, banned) => ({
  files: [`${folder}/**/*.{ts,js,svelte}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: banned,
            message: `${folder}/ may not import this (see docs/architecture.md, "may import").`,
          },
          {
            regex: '^(\\.\\./)+(connectors|simulators|pipelines|semantic|apps|bench|packages)/',
            message: 'Import another top folder through its package name, never by relative path.',
          },
        ],
      },
    ],
  },
});

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
  mayNotImport('simulators', [...CONNECTORS, ...PIPELINES, ...SEMANTIC, ...APPS, ...BENCH]),
  mayNotImport('pipelines', [...SIMULATORS, ...SEMANTIC, ...APPS, ...BENCH]),
  mayNotImport('semantic', [...CONNECTORS, ...SIMULATORS, ...PIPELINES, ...APPS, ...BENCH]),
  mayNotImport('apps', [...CONNECTORS, ...SIMULATORS, ...PIPELINES, ...SEMANTIC, ...BENCH]),
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
