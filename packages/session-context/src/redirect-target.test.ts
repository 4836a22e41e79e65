import { describe, expect, it } from 'vitest';
import { safeRedirectTarget } from './redirect-target.ts';

const ORIGIN = 'http://127.0.0.1:3000';

describe('safeRedirectTarget', () => {
  it.each([
    ['/', '/'],
    ['/bi?branch=yinchuan#chart', '/bi?branch=yinchuan#chart'],
    ['/admin/users', '/admin/users'],
    ['/a/../b', '/b'],
  ])('keeps the same-origin path %s', (given, kept) => {
    expect(safeRedirectTarget(given, ORIGIN)).toBe(kept);
  });

  it.each([
    null,
    '',
    'https://evil.example/',
    '//evil.example/',
    '/\\evil.example/',
    '\\\\evil.example',
    'javascript:alert(1)',
    'http://127.0.0.1:3000.evil.example/',
    '/\tevil',
    'bi',
  ])('refuses %s and falls back home', (given) => {
    expect(safeRedirectTarget(given, ORIGIN)).toBe('/');
    expect(safeRedirectTarget(given, ORIGIN, '/home')).toBe('/home');
  });
});
