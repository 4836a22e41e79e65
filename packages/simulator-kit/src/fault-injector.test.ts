import { describe, expect, it } from 'vitest';
import { createFaultInjector } from './fault-injector.ts';

describe('createFaultInjector', () => {
  it('hands out queued faults one request at a time, in order', () => {
    const faults = createFaultInjector();
    faults.inject({ kind: 'status', status: 500, count: 2 });
    faults.inject({ kind: 'malformed-json' });
    expect(faults.pendingCount()).toBe(3);
    expect(faults.takeNext()).toMatchObject({ kind: 'status', status: 500 });
    expect(faults.takeNext()).toMatchObject({ kind: 'status', status: 500 });
    expect(faults.takeNext()).toMatchObject({ kind: 'malformed-json' });
    expect(faults.takeNext()).toBeUndefined();
  });

  it('defaults a 429 to Retry-After: 1', () => {
    const faults = createFaultInjector();
    faults.inject({ kind: 'status', status: 429 });
    expect(faults.takeNext()).toEqual({
      kind: 'status',
      status: 429,
      count: 1,
      retryAfterSeconds: 1,
    });
  });

  it.each([
    ['an unknown kind', { kind: 'explode' }],
    ['a status the simulator does not fake', { kind: 'status', status: 418 }],
    ['a zero count', { kind: 'cut-connection', count: 0 }],
  ])('rejects %s', (_name, input) => {
    const faults = createFaultInjector();
    expect(() => {
      faults.inject(input as never);
    }).toThrow();
    expect(faults.pendingCount()).toBe(0);
  });

  it('clear drops every pending fault', () => {
    const faults = createFaultInjector();
    faults.inject({ kind: 'cut-connection', count: 5 });
    faults.clear();
    expect(faults.takeNext()).toBeUndefined();
  });
});

describe('createFaultInjector: path filters', () => {
  it('applies a fault with pathContains only to matching requests, in queue order', () => {
    const faults = createFaultInjector();
    faults.inject({ kind: 'status', status: 500, pathContains: '/court-cases', count: 2 });
    faults.inject({ kind: 'malformed-json' });
    expect(faults.takeNext('/v1/enterprises/X/penalties')?.kind).toBe('malformed-json');
    expect(faults.takeNext('/v1/enterprises/X/penalties')).toBeUndefined();
    expect(faults.takeNext('/v1/enterprises/X/court-cases')).toMatchObject({ status: 500 });
    expect(faults.pendingCount()).toBe(1);
    expect(faults.takeNext()).toBeUndefined();
    expect(faults.takeNext('/v1/enterprises/Y/court-cases')).toMatchObject({ status: 500 });
    expect(faults.pendingCount()).toBe(0);
  });
});
