import { describe, expect, it } from 'vitest';
import * as simulator from './index.ts';

describe('@sg/sim-business public API', () => {
  it.each([
    'connectLegacyDatabase',
    'seedBusinessDatabase',
    'advanceBusinessDatabase',
    'legacySchemaDdl',
    'businessDbConfigFromEnv',
  ] as const)('exports %s', (name) => {
    expect(typeof simulator[name]).toBe('function');
  });

  it('renders the schema for both dialects', () => {
    expect(simulator.legacySchemaDdl('postgres')).toHaveLength(
      simulator.legacySchemaDdl('mariadb').length,
    );
  });
});
