import { redirect } from '@sveltejs/kit';
import { auth } from '#lib/server/services.ts';
import { parseSetCookie } from '@sg/ui-shell';
import type { Actions } from './$types';

export const actions: Actions = {
  default: async ({ request, cookies }) => {
    const response = await auth.api.signOut({ headers: request.headers, asResponse: true });
    for (const header of response.headers.getSetCookie()) {
      const cookie = parseSetCookie(header);
      if (cookie !== null) cookies.set(cookie.name, cookie.value, cookie.options);
    }
    redirect(303, '/signin');
  },
};
