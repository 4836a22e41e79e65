import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { parseForm } from './field-errors.ts';
import { parseSetCookie } from './set-cookie.ts';

const schema = z.object({ login: z.string().min(3), name: z.string().min(1) });

describe('form errors in Chinese', () => {
  it('gives each invalid field its Chinese message and keeps the typed values', () => {
    const form = new FormData();
    form.set('login', 'ab');
    form.set('name', '张三');
    const result = parseForm(schema, form);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors)).toEqual(['login']);
    expect(result.errors['login']?.[0]).toMatch(/[\u4e00-\u9fff]/u);
    expect(result.values).toEqual({ login: 'ab', name: '张三' });
  });

  it('returns the parsed value when valid', () => {
    const form = new FormData();
    form.set('login', 'demo.analyst');
    form.set('name', '分析师');
    expect(parseForm(schema, form)).toEqual({
      ok: true,
      value: { login: 'demo.analyst', name: '分析师' },
    });
  });
});

describe('Set-Cookie forwarding', () => {
  it('reads name, value and the attributes cookies.set takes', () => {
    expect(
      parseSetCookie('sg.session_token=abc%2Edef; Max-Age=28800; Path=/; HttpOnly; SameSite=Lax'),
    ).toEqual({
      name: 'sg.session_token',
      value: 'abc.def',
      options: { path: '/', maxAge: 28_800, httpOnly: true, sameSite: 'lax' },
    });
    expect(parseSetCookie('garbage')).toBeNull();
  });
});
