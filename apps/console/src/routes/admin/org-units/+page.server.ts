import { orgUnitInput } from '@sg/admin-api';
import { fail } from '@sveltejs/kit';
import { parseForm } from '@sg/ui-shell';
import { orgUnitTree } from '@sg/ui-shell';
import { requirePermission } from '#lib/server/guard.ts';
import { attempt } from '#lib/server/refusal.ts';
import { adminApi } from '#lib/server/services.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requirePermission(event, 'admin.users');
  const units = await adminApi(event.locals.rpcContext).orgUnits.list();
  return { tree: orgUnitTree(units), units };
};

export const actions: Actions = {
  create: async (event) => {
    requirePermission(event, 'admin.users');
    // A small urlencoded form from the page, not a file upload.
    const parsed = parseForm(orgUnitInput, await event.request.formData());
    if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
    const value = parsed.value;
    const created = await attempt(() => adminApi(event.locals.rpcContext).orgUnits.create(value));
    return created.ok ? { message: `已创建机构 ${value.title}` } : created.failure;
  },
};
