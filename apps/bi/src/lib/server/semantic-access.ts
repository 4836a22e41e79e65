// Server-only: where the browser reaches the semantic API, and a short-lived Cube-style API token
// minted with the shared secret (@sg/api-token). The secret never leaves the server.
import { signToken } from '@sg/api-token';
import { SG_SEMANTIC_PORT, SG_SEMANTIC_PUBLIC_URL, SG_SEMANTIC_SECRET } from '$app/env/private';

const TOKEN_LIFETIME_SECONDS = 60 * 60;

export interface SemanticAccess {
  /** Browser-facing base URL, e.g. http://127.0.0.1:4000/cubejs-api/v1. */
  readonly apiUrl: string;
  readonly token: string;
}

export function semanticAccess(subject: string): SemanticAccess {
  const apiUrl = SG_SEMANTIC_PUBLIC_URL ?? `http://127.0.0.1:${SG_SEMANTIC_PORT}/cubejs-api/v1`;
  return {
    apiUrl: apiUrl.replace(/\/+$/, ''),
    token: signToken({ sub: subject }, SG_SEMANTIC_SECRET, {
      expiresInSeconds: TOKEN_LIFETIME_SECONDS,
    }),
  };
}
