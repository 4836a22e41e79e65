import { rpcContextFromHeaders, createSessionHandle } from '@sg/session-context';
import { auth, pool } from '#lib/server/services.ts';

export const handle = createSessionHandle({
  contextOf: (headers, requestId) => rpcContextFromHeaders({ pool, auth }, headers, requestId),
});
