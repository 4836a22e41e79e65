// The secret better-auth signs session cookies and encrypts TOTP secrets with: one value for every
// app and for `just up`'s demo users. SG_AUTH_SECRET in production (≥ 32 random bytes); locally a
// documented development value.
export const DEVELOPMENT_AUTH_SECRET = 'sg-local-development-auth-secret-not-for-production';

export function authSecretFromEnv(env: Readonly<Record<string, string | undefined>>): string {
  const configured = env['SG_AUTH_SECRET']?.trim();
  return configured !== undefined && configured !== '' ? configured : DEVELOPMENT_AUTH_SECRET;
}
