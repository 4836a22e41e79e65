export {
  createIdentityAuth,
  DEFAULT_SESSION_SECONDS,
  type IdentityAuth,
  type IdentityAuthOptions,
} from './auth.ts';
export { hashPassword, verifyPassword } from './password-hash.ts';
