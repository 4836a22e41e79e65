import { sessionIdInput } from '@sg/admin-api';
import { fail } from '@sveltejs/kit';
import { formatShanghaiDateTime } from '@sg/ui-shell';
import { requirePermission } from '#lib/server/guard.ts';
import { attempt } from '#lib/server/refusal.ts';
import { adminApi } from '#lib/server/services.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requirePermission(event, 'admin.sessions');
  const sessions = await adminApi(event.locals.rpcContext).sessions.list();
  return {
    sessions: sessions.map((session) => ({
      sessionId: session.sessionId,
      username: session.username,
      createdAt: formatShanghaiDateTime(session.createdAt),
      expiresAt: formatShanghaiDateTime(session.expiresAt),
      ipAddress: session.ipAddress ?? '',
    })),
  };
};

export const actions: Actions = {
  revoke: async (event) => {
    requirePermission(event, 'admin.sessions');
    const input = sessionIdInput.safeParse({
      sessionId: (await event.request.formData()).get('sessionId'),
    });
    if (!input.success) return fail(400, { message: '请选择要吊销的会话' });
    const result = await attempt(() =>
      adminApi(event.locals.rpcContext).sessions.revoke(input.data),
    );
    return result.ok ? { message: '会话已吊销' } : result.failure;
  },
};
