import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLake, spillDirectory } from './open-lake.ts';
import type { Lake } from './open-lake.ts';
import { createTestLake } from './testing/test-lakes.ts';
import type { TestLake } from './testing/test-lakes.ts';

describe('openLake spilling', () => {
  let testLake: TestLake;
  let lake: Lake;

  beforeEach(async () => {
    testLake = await createTestLake('sqlite');
    lake = await openLake(testLake.config);
  });

  afterEach(async () => {
    lake.close();
    await testLake.dispose();
  });

  // Regression: a large bank landing died with "Failed to create directory …/tmp/duckdb/<pid>"
  // because DuckDB creates only the last folder of temp_directory.
  it('spills work bigger than its memory to $SG_DATA_DIR/tmp/duckdb/<pid>', async () => {
    await lake.connection.run(`set memory_limit = '64MB'; set threads = 1`);
    await lake.connection.run(
      `create temp table big as select i, md5(i::varchar) as h from range(3000000) t(i) order by h`,
    );
    const reader = await lake.connection.runAndReadAll(`select path from duckdb_temporary_files()`);
    const paths = reader.getRowsJson().map(([path]) => (typeof path === 'string' ? path : ''));
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) expect(path.startsWith(spillDirectory(testLake.config))).toBe(true);
  }, 60_000);
});
