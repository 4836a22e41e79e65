// Environment variables of the BI app (SvelteKit 3: read when the app starts, server-only).
import { DEV_SEMANTIC_SECRET } from '@sg/api-token';
import { LOCAL_PORTS } from '@sg/runtime-env';
import { defineEnvVars } from '@sveltejs/kit/env';

const optional = (value: string | undefined): string | undefined =>
  value === undefined || value.trim() === '' ? undefined : value.trim();

export const variables = defineEnvVars({
  SG_SEMANTIC_SECRET: {
    description: 'HS256 secret shared with the semantic server; signs the API tokens.',
    schema: (value) => optional(value) ?? DEV_SEMANTIC_SECRET,
  },
  SG_SEMANTIC_PUBLIC_URL: {
    description:
      'The semantic API as the browser reaches it (default http://127.0.0.1:$SG_SEMANTIC_PORT/cubejs-api/v1).',
    schema: (value) => optional(value),
  },
  SG_SEMANTIC_PORT: {
    description:
      'Port of the semantic server when SG_SEMANTIC_PUBLIC_URL is not set (default LOCAL_PORTS.semantic).',
    schema: (value) => optional(value) ?? String(LOCAL_PORTS.semantic.port),
  },
});
