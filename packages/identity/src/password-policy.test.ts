import { describe, expect, it } from 'vitest';
import { passwordPolicyViolations } from './password-policy.ts';

const TABLE: readonly [string, string, string | undefined, string[]][] = [
  ['three classes, long enough', 'Ningxia#2026', 'analyst.yinchuan', []],
  ['lower, digit, symbol', 'ningxia#2026', 'analyst', []],
  ['too short', 'Nx#2026', 'analyst', ['口令长度至少 8 位']],
  [
    'two classes only',
    'ningxia2026',
    'analyst',
    ['口令须包含大写字母、小写字母、数字、特殊字符中的至少三类'],
  ],
  ['contains the username', 'Analyst#2026', 'analyst', ['口令不得包含用户名']],
  [
    'short, one class and the username',
    'admin',
    'admin',
    [
      '口令长度至少 8 位',
      '口令须包含大写字母、小写字母、数字、特殊字符中的至少三类',
      '口令不得包含用户名',
    ],
  ],
  ['Chinese characters count as symbols', '宁夏银川Ab12', undefined, []],
];

describe('passwordPolicyViolations (等保 2.0)', () => {
  it.each(TABLE)('%s', (_name, password, username, violations) => {
    expect(passwordPolicyViolations(password, username)).toEqual(violations);
  });
});
