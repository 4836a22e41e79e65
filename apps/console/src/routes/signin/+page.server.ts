import { createSignInAction } from '@sg/ui-shell/server';
import { fail, redirect } from '@sveltejs/kit';
import { auth } from '#lib/server/services.ts';
import type { Actions, PageServerLoad } from './$types';

const signIn = createSignInAction(auth);

export const load: PageServerLoad = ({ locals }) => {
  if (locals.rpcContext.user !== null) redirect(303, '/');
  return {};
};

export const actions: Actions = {
  default: async (event) => {
    const outcome = await signIn(event);
    if (outcome.kind === 'signed-in') redirect(303, outcome.location);
    if (outcome.kind === 'second-factor')
      return { step: 'totp' as const, username: outcome.username };
    return fail(400, { step: outcome.step, username: outcome.username, message: outcome.message });
  },
};
