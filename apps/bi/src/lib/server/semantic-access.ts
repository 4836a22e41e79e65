// Server-only: where the browser reaches the semantic API, and a short-lived Cube-style API token
// (HS256 JWT) minted with the shared secret. The secret never leaves the server.
import { createHmac } from 'node:crypto';
import { SG_SEMANTIC_PORT, SG_SEMANTIC_PUBLIC_URL, SG_SEMANTIC_SECRET } from '$app/env/private';

const TOKEN_LIFETIME_SECONDS = 60 * 60;

export interface SemanticAccess {
  /** Browser-facing base URL, e.g. http://127.0.0.1:4000/cubejs-api/v1. */
  readonly apiUrl: string;
  readonly token: string;
}

const base64url = (text: string): string => Buffer.from(text).toString('base64url');

export function mintSemanticToken(secret: string, subject: string, now: Date = new Date()): string {
  const iat = Math.floor(now.getTime() / 1000);
  const head = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const body = base64url(JSON.stringify({ sub: subject, iat, exp: iat + TOKEN_LIFETIME_SECONDS }));
  const signature = createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${signature}`;
}

export function semanticAccess(subject: string): SemanticAccess {
  const apiUrl = SG_SEMANTIC_PUBLIC_URL ?? `http://127.0.0.1:${SG_SEMANTIC_PORT}/cubejs-api/v1`;
  return {
    apiUrl: apiUrl.replace(/\/+$/, ''),
    token: mintSemanticToken(SG_SEMANTIC_SECRET, subject),
  };
}
