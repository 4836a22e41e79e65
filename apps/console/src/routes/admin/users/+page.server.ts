import { isRole, roleDefinition, ROLE_CODES } from '@sg/access-control';
import { passwordResetInput, staffUserInput, userIdInput } from '@sg/admin-api';
import { fail } from '@sveltejs/kit';
import { parseForm } from '@sg/ui-shell';
import { requirePermission } from '#lib/server/guard.ts';
import { attempt } from '#lib/server/refusal.ts';
import { adminApi } from '#lib/server/services.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requirePermission(event, 'admin.users');
  const api = adminApi(event.locals.rpcContext);
  const [users, orgUnits] = await Promise.all([api.users.list(), api.orgUnits.list()]);
  return {
    users: users.map((user) => ({
      ...user,
      roleTitles: user.roles.map((role) => roleDefinition(role).title).join('、'),
    })),
    orgUnits: orgUnits.filter((unit) => unit.isActive),
    roles: ROLE_CODES.map((role) => ({ role, title: roleDefinition(role).title })),
  };
};

async function formOf(request: Request): Promise<FormData> {
  // A small urlencoded form from the page, not a file upload.
  return request.formData();
}

export const actions: Actions = {
  create: async (event) => {
    requirePermission(event, 'admin.users');
    const form = await formOf(event.request);
    const parsed = parseForm(staffUserInput, form);
    if (!parsed.ok) return fail(400, { create: { errors: parsed.errors, values: parsed.values } });
    const api = adminApi(event.locals.rpcContext);
    const created = await attempt(() => api.users.create(parsed.value));
    if (!created.ok) return created.failure;
    const role = form.get('role');
    if (typeof role === 'string' && isRole(role)) {
      const granted = await attempt(() => api.roles.grant({ userId: created.value.userId, role }));
      if (!granted.ok) return granted.failure;
    }
    return { message: `已创建用户 ${parsed.value.username}` };
  },
  disable: async (event) => {
    requirePermission(event, 'admin.users');
    const input = userIdInput.safeParse({ userId: (await formOf(event.request)).get('userId') });
    if (!input.success) return fail(400, { message: '请选择用户' });
    const result = await attempt(() => adminApi(event.locals.rpcContext).users.disable(input.data));
    return result.ok ? { message: '账号已停用' } : result.failure;
  },
  resetPassword: async (event) => {
    requirePermission(event, 'admin.users');
    const parsed = parseForm(passwordResetInput, await formOf(event.request));
    if (!parsed.ok) return fail(400, { message: Object.values(parsed.errors).flat().join('；') });
    const value = parsed.value;
    const result = await attempt(() =>
      adminApi(event.locals.rpcContext).users.resetPassword(value),
    );
    return result.ok ? { message: '口令已重置，该用户的会话已结束' } : result.failure;
  },
};
