import { describe, expect, it } from 'vitest';
import * as connector from './index.ts';

describe('@sg/connector-commerce public API', () => {
  it.each([
    'createCommerceClient',
    'commerceClientConfigFromEnv',
    'createSnapshotCommerceClient',
    'loadCommerceSnapshot',
    'createSnapshotRecorder',
    'extractEnterprises',
    'landCommerceEnterprises',
    'parseRegisteredCapitalFen',
    'toRawEnterpriseRow',
    'commerceEnterpriseColumnSpecs',
  ] as const)('exports %s', (name) => {
    expect(typeof connector[name]).toBe('function');
  });

  it('exports the error class and the column list', () => {
    expect(
      new connector.CommerceApiError('x', { kind: 'network', request: 'GET /' }).retryable,
    ).toBe(true);
    expect(connector.COMMERCE_ENTERPRISE_COLUMNS).toHaveLength(9);
  });
});
