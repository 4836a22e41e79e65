import { describe, expect, it } from 'vitest';
import { detectSchemaDrift } from './schema-drift.ts';
import { parseSourceTypeText } from './source-types.ts';
import { findBusinessTable } from './type-mapping.ts';

const APPLICATION = findBusinessTable('t_application');
const DECLARED_APPLICATION = [
  ['application_id', 'VARCHAR(32)'],
  ['customer_id', 'VARCHAR(32)'],
  ['applied_at', 'DATETIME'],
  ['amount', 'DECIMAL(18,2)'],
  ['term_months', 'INT'],
  ['purpose', 'VARCHAR(500)'],
  ['channel', 'VARCHAR(32)'],
  ['status', 'VARCHAR(16)'],
  ['updated_at', 'DATETIME'],
] as const;

function columns(spec: readonly (readonly [string, string])[]) {
  return spec.map(([name, type]) => parseSourceTypeText(name, type));
}

describe('detectSchemaDrift', () => {
  it('finds nothing when the source matches the mapping (widths may differ)', () => {
    const wider = DECLARED_APPLICATION.map(([n, t]) =>
      n === 'purpose' ? ([n, 'VARCHAR(1000)'] as const) : ([n, t] as const),
    );
    expect(detectSchemaDrift(APPLICATION, columns(wider))).toEqual([]);
  });

  it.each([
    {
      name: 'a new column',
      spec: [...DECLARED_APPLICATION, ['risk_flag', 'VARCHAR(4)']] as const,
      expected: [{ column_name: 'risk_flag', change: 'added', source_type: 'varchar(4)' }],
    },
    {
      name: 'a retyped column',
      spec: DECLARED_APPLICATION.map(([n, t]) =>
        n === 'term_months' ? ([n, 'VARCHAR(8)'] as const) : ([n, t] as const),
      ),
      expected: [
        {
          column_name: 'term_months',
          change: 'retyped',
          declared_type: 'integer',
          source_type: 'varchar(8)',
        },
      ],
    },
    {
      name: 'a removed column',
      spec: DECLARED_APPLICATION.filter(([n]) => n !== 'channel'),
      expected: [{ column_name: 'channel', change: 'removed', declared_type: 'text' }],
    },
  ])('reports $name', ({ spec, expected }) => {
    expect(detectSchemaDrift(APPLICATION, columns(spec))).toMatchObject(expected);
  });

  it('reports a missing table', () => {
    expect(detectSchemaDrift(APPLICATION, null)).toMatchObject([
      { table_name: 't_application', column_name: null, change: 'table_missing' },
    ]);
  });
});
