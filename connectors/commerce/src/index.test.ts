import { describe, expect, it } from 'vitest';
import * as connector from './index.ts';

describe('@sg/connector-commerce public API', () => {
  it.each([
    'createCommerceClient',
    'commerceClientConfigFromEnv',
    'createSnapshotCommerceClient',
    'loadCommerceSnapshot',
    'createSnapshotRecorder',
    'parseRegisteredCapitalFen',
    'toRawEnterpriseRow',
    'commerceEnterpriseColumnSpecs',
    'extractCommerceSource',
    'landCommerceSource',
    'readCommerceFeedCursor',
    'judgeRelatedRecord',
  ] as const)('exports %s', (name) => {
    expect(typeof connector[name]).toBe('function');
  });

  it('exports the error class and the column list', () => {
    expect(
      new connector.CommerceApiError('x', { kind: 'network', request: 'GET /' }).retryable,
    ).toBe(true);
    expect(connector.COMMERCE_ENTERPRISE_COLUMNS).toHaveLength(9);
  });

  it('lists the raw entities of the commerce source, each with its column specs', () => {
    expect(connector.COMMERCE_ENTITIES).toEqual([
      'enterprises',
      'shareholders',
      'executives',
      'changes',
      'penalties',
      'abnormal_operations',
      'court_cases',
      'enforcements',
    ]);
    for (const related of connector.RELATED_ENTITIES) {
      expect(connector.COMMERCE_RELATED_COLUMNS[related.entity][0].name).toBe('uscc');
      for (const column of connector.COMMERCE_RELATED_COLUMNS[related.entity]) {
        expect(column.description).toMatch(/\p{Script=Han}/u);
      }
    }
  });
});
