// 等保 2.0 (GB/T 22239-2019 8.1.4.1 a) password rules: length ≥ 8, three of the four character
// classes, not containing the username. History (not one of the last five) is checked by the caller
// with the stored hashes.

export const MIN_PASSWORD_LENGTH = 8;
export const PASSWORD_HISTORY_DEPTH = 5;

const CLASSES: readonly RegExp[] = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/];

/** The rules a password breaks, in Chinese; empty when it is acceptable. */
export function passwordPolicyViolations(password: string, username?: string): string[] {
  const violations: string[] = [];
  if (Array.from(password).length < MIN_PASSWORD_LENGTH) {
    violations.push(`口令长度至少 ${String(MIN_PASSWORD_LENGTH)} 位`);
  }
  const classes = CLASSES.filter((pattern) => pattern.test(password)).length;
  if (classes < 3) {
    violations.push('口令须包含大写字母、小写字母、数字、特殊字符中的至少三类');
  }
  if (username !== undefined && username.length > 0) {
    if (password.toLowerCase().includes(username.toLowerCase())) {
      violations.push('口令不得包含用户名');
    }
  }
  return violations;
}
