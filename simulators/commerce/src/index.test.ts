import { describe, expect, it } from 'vitest';
import * as simulator from './index.ts';

describe('@sg/sim-commerce public API', () => {
  it.each([
    'startCommerceSimulator',
    'generateCommerceEnterprises',
    'iterateCommerceEnterprises',
  ] as const)('exports %s', (name) => {
    expect(typeof simulator[name]).toBe('function');
  });

  it('documents development credentials and the default world', () => {
    expect(simulator.DEV_COMMERCE_API_KEY).toBe('sg-dev-commerce-key');
    expect(simulator.DEV_COMMERCE_API_SECRET).toBe('sg-dev-commerce-secret');
    expect(simulator.DEFAULT_ENTERPRISE_COUNT).toBe(120);
    expect(simulator.generateCommerceEnterprises(simulator.DEFAULT_COMMERCE_SEED)).toHaveLength(
      120,
    );
  });
});
