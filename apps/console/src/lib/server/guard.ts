// Every console page and action asks here first: the same permission as its admin-api procedure.
import type { Permission } from '@sg/access-control';
import type { RpcContext, SignedInUser } from '@sg/rpc';
import { pageAccess } from '@sg/ui-shell';
import { error, redirect } from '@sveltejs/kit';

/** The signed-in user allowed `permission`; otherwise a redirect to sign-in or a Chinese 403. */
export function requirePermission(
  event: { readonly locals: { rpcContext: RpcContext }; readonly url: URL },
  permission: Permission | null,
): SignedInUser {
  const access = pageAccess(event.locals.rpcContext, event.url, permission);
  if (access.kind === 'sign-in') redirect(303, access.location);
  if (access.kind === 'forbidden') error(403, access.message);
  return access.user;
}
