// What every procedure receives: the request id and the signed-in user resolved once per request
// (by the app's server hooks from the session cookie), or null.
import type { Role } from '@sg/access-control';

export interface SignedInUser {
  readonly userId: string;
  readonly login: string;
  readonly displayName: string;
  readonly orgUnitId: string;
  readonly roles: readonly Role[];
}

export interface RpcContext {
  readonly requestId: string;
  readonly user: SignedInUser | null;
}
