export {
  rpcContextFromHeaders,
  staffUserOf,
  type SessionContextDependencies,
} from './rpc-context.ts';
export { requestIdOf, requestLogLine } from './request-id.ts';
export {
  createSessionHandle,
  type SessionEvent,
  type SessionHandleOptions,
} from './session-handle.ts';
export { safeRedirectTarget } from './redirect-target.ts';
export { authSecretFromEnv, DEVELOPMENT_AUTH_SECRET } from './auth-secret.ts';
