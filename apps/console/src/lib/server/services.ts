// The console's server-side services, made once per process: the app database pool, better-auth
// and a caller of the admin-api router (the pages never re-implement its logic).
import { createAdminApiRouter } from '@sg/admin-api';
import { appDbConfigFromEnv, createPool } from '@sg/app-db';
import { createIdentityAuth } from '@sg/identity';
import { createCallerFactory, type RpcContext } from '@sg/rpc';
import { LOCAL_HOST, localPort } from '@sg/runtime-env';
import { authSecretFromEnv } from '@sg/session-context';

const env = process.env;
const origin = env['ORIGIN'] ?? `http://${LOCAL_HOST}:${String(localPort('console', env))}`;

export const pool = createPool(appDbConfigFromEnv(env));

export const auth = createIdentityAuth({
  pool,
  secret: authSecretFromEnv(env),
  baseURL: origin,
  trustedOrigins: (env['SG_AUTH_TRUSTED_ORIGINS'] ?? '').split(',').filter((o) => o.trim() !== ''),
});

const adminRouter = createAdminApiRouter({ pool, auth });
const callerOf = createCallerFactory(adminRouter);

/** The admin-api called as the request's user (its guards decide, as over HTTP). */
export function adminApi(context: RpcContext) {
  return callerOf(context);
}
