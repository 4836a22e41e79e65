export type { RpcContext, SignedInUser } from './context.ts';
export { chineseMessage, ERROR_MESSAGES } from './errors.ts';
export {
  createCallerFactory,
  procedureGuards,
  publicProcedure,
  router,
  signedInProcedure,
  withDataScope,
  withPermission,
  type DataScopeFilter,
  type ProcedureGuard,
} from './trpc.ts';
export { mintSemanticToken, SEMANTIC_TOKEN_SECONDS } from './semantic-token.ts';
