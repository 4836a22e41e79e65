// Who may see a page: the same permission as the procedure behind it, decided on the server.
import { hasPermission, type Permission } from '@sg/access-control';
import type { RpcContext, SignedInUser } from '@sg/rpc';

export type PageAccess =
  | { readonly kind: 'allowed'; readonly user: SignedInUser }
  | { readonly kind: 'sign-in'; readonly location: string }
  | { readonly kind: 'forbidden'; readonly message: string };

export const SIGN_IN_PATH = '/signin';

/** The sign-in page's address that comes back to `url` afterwards. */
export function signInLocation(url: URL): string {
  return `${SIGN_IN_PATH}?redirectTo=${encodeURIComponent(url.pathname + url.search)}`;
}

/** Allowed, off to sign-in (signed out), or forbidden (signed in without `permission`). */
export function pageAccess(
  context: RpcContext,
  url: URL,
  permission: Permission | null,
): PageAccess {
  const { user } = context;
  if (user === null) return { kind: 'sign-in', location: signInLocation(url) };
  if (permission !== null && !hasPermission(user.roles, permission)) {
    return { kind: 'forbidden', message: '您没有访问此页面的权限' };
  }
  return { kind: 'allowed', user };
}
