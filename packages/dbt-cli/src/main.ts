// `npx just dbt <args>`: runs the dbt CLI on models/ against the configured lake, through runDbt,
// so it takes the lake's commit lock like the pipelines do (running .venv/bin/dbt directly on the
// SQLite catalog can collide with a landing). Streams dbt's output; exits non-zero on failure.
import { lakeConfigFromEnv } from '@sg/lake';
import { DbtRunError, runDbt } from './run-dbt.ts';

const args = process.argv.slice(2);
try {
  const summary = await runDbt(args.length > 0 ? args : ['build'], {
    lakeConfig: lakeConfigFromEnv(process.env),
    onOutput: (line) => {
      console.log(line);
    },
  });
  console.log(
    `dbt ${summary.success ? 'ok' : 'failed'}: ${JSON.stringify(summary.counts)} in ${String(summary.wallMs)} ms`,
  );
} catch (error) {
  console.error(error instanceof DbtRunError ? error.message : error);
  process.exitCode = 1;
}
