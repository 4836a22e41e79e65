import { roleDefinition, ROLE_CODES } from '@sg/access-control';
import { roleChangeInput } from '@sg/admin-api';
import { fail } from '@sveltejs/kit';
import { parseForm } from '@sg/ui-shell';
import { requirePermission } from '#lib/server/guard.ts';
import { attempt } from '#lib/server/refusal.ts';
import { adminApi } from '#lib/server/services.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requirePermission(event, 'admin.roles');
  // The user list is admin.users' procedure; a role administrator without it sees only the form.
  const users = await attempt(() => adminApi(event.locals.rpcContext).users.list());
  return {
    users: users.ok ? users.value.filter((user) => !user.disabled) : [],
    roles: ROLE_CODES.map((role) => ({ role, title: roleDefinition(role).title })),
  };
};

async function change(event: Parameters<Actions[string]>[0], kind: 'grant' | 'revoke') {
  requirePermission(event, 'admin.roles');
  // A small urlencoded form from the page, not a file upload.
  const parsed = parseForm(roleChangeInput, await event.request.formData());
  if (!parsed.ok) return fail(400, { message: '请选择用户和角色' });
  const value = parsed.value;
  const api = adminApi(event.locals.rpcContext);
  const result = await attempt(() =>
    kind === 'grant' ? api.roles.grant(value) : api.roles.revoke(value),
  );
  if (!result.ok) return result.failure;
  return { message: kind === 'grant' ? '角色已授予' : '角色已收回' };
}

export const actions: Actions = {
  grant: (event) => change(event, 'grant'),
  revoke: (event) => change(event, 'revoke'),
};
