import { describe, expect, it } from 'vitest';
import { describeFailure, nodeMessageGist, runResultsSchema, summariseRun } from './run-results.ts';

const METADATA = {
  dbt_version: '1.11.16',
  invocation_id: 'inv-1',
  generated_at: '2024-06-01T00:00:00Z',
};

/** A build where everything passed (trimmed from a real run). */
const RUN_RESULTS_ALL_PASS = {
  metadata: METADATA,
  elapsed_time: 3.2,
  results: [
    {
      unique_id: 'seed.smart_guarantee.ref_regions',
      status: 'success',
      execution_time: 0.1,
      message: 'INSERT 7',
      failures: null,
      relation_name: '"lake"."reference"."ref_regions"',
      thread_id: 'Thread-1',
    },
    {
      unique_id: 'model.smart_guarantee.enterprises',
      status: 'success',
      execution_time: 0.2,
      message: 'OK',
      failures: null,
      relation_name: '"lake"."marts"."enterprises"',
    },
    {
      unique_id: 'test.smart_guarantee.unique_enterprises_uscc.1a2b',
      status: 'pass',
      execution_time: 0.02,
      message: null,
      failures: 0,
      relation_name: null,
    },
    {
      unique_id: 'unit_test.smart_guarantee.stg_commerce__enterprises.keeps_latest',
      status: 'pass',
      execution_time: 0.3,
      message: null,
      failures: 0,
    },
  ],
};

/** A build where a data test failed and the model downstream was skipped. */
const RUN_RESULTS_ACCEPTED_VALUES_FAIL = {
  metadata: METADATA,
  elapsed_time: 2.5,
  results: [
    {
      unique_id: 'model.smart_guarantee.stg_commerce__enterprises',
      status: 'success',
      execution_time: 0.2,
      message: 'OK',
    },
    {
      unique_id: 'test.smart_guarantee.accepted_values_enterprises_registration_status.9f',
      status: 'fail',
      execution_time: 0.03,
      message: 'Got 1 result, configured to fail if != 0',
      failures: 1,
    },
    {
      unique_id: 'model.smart_guarantee.downstream',
      status: 'skipped',
      execution_time: 0,
      message: null,
    },
    {
      unique_id: 'model.smart_guarantee.broken',
      status: 'error',
      execution_time: 0.01,
      message: 'Binder Error: column x not found\nLINE 1: ...',
    },
  ],
};

describe('summariseRun', () => {
  it('counts statuses and reports no failing node for a passing build', () => {
    const summary = summariseRun({
      args: ['build'],
      exitCode: 0,
      wallMs: 9000,
      lockWaitMs: 12,
      runResults: runResultsSchema.parse(RUN_RESULTS_ALL_PASS),
    });
    expect(summary).toMatchObject({
      success: true,
      dbtVersion: '1.11.16',
      invocationId: 'inv-1',
      elapsedSeconds: 3.2,
      counts: { success: 2, pass: 2 },
      failedNodes: [],
    });
    expect(summary.nodes.map((n) => [n.resourceType, n.name])).toEqual([
      ['seed', 'ref_regions'],
      ['model', 'enterprises'],
      ['test', '1a2b'],
      ['unit_test', 'keeps_latest'],
    ]);
  });

  it('names every failing node in the failure text', () => {
    const summary = summariseRun({
      args: ['build', '--select', '+enterprises'],
      exitCode: 1,
      wallMs: 9000,
      lockWaitMs: 0,
      runResults: runResultsSchema.parse(RUN_RESULTS_ACCEPTED_VALUES_FAIL),
    });
    expect(summary.success).toBe(false);
    expect(summary.failedNodes.map((n) => n.uniqueId)).toEqual([
      'test.smart_guarantee.accepted_values_enterprises_registration_status.9f',
      'model.smart_guarantee.broken',
    ]);
    expect(describeFailure(summary, '')).toBe(
      'dbt build --select +enterprises failed (exit 1); 2 failing node(s):\n' +
        '  - test.smart_guarantee.accepted_values_enterprises_registration_status.9f [fail]: Got 1 result, configured to fail if != 0\n' +
        '  - model.smart_guarantee.broken [error]: Binder Error: column x not found',
    );
  });

  it('falls back to dbt’s output when it failed before running nodes', () => {
    const summary = summariseRun({
      args: ['build'],
      exitCode: 2,
      wallMs: 1,
      lockWaitMs: 0,
      runResults: undefined,
    });
    expect(describeFailure(summary, 'Parsing Error: profiles.yml')).toMatch(
      /stopped before running any.*\nParsing Error/s,
    );
  });

  it('rejects a file that is not run results', () => {
    expect(() => runResultsSchema.parse({ results: 'nope' })).toThrow();
  });
});

describe('nodeMessageGist', () => {
  it("adds the database's error to a runtime error's first line, which only names the model", () => {
    expect(
      nodeMessageGist(
        'Runtime Error in model stg_bank__loans (models/staging/bank/stg_bank__loans.sql)\n  Catalog Error: Table with name loans does not exist!\n  Did you mean "x"?',
      ),
    ).toBe(
      'Runtime Error in model stg_bank__loans (models/staging/bank/stg_bank__loans.sql) — Catalog Error: Table with name loans does not exist!',
    );
  });

  it('keeps the first line of any other message', () => {
    expect(nodeMessageGist('Got 2 results, configured to fail if != 0\n\ncompiled code at x')).toBe(
      'Got 2 results, configured to fail if != 0',
    );
  });
});
