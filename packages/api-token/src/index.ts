export {
  DEV_SEMANTIC_SECRET,
  signToken,
  verifyAuthorization,
  type TokenCheck,
  type TokenPayload,
} from './jwt-hs256.ts';
