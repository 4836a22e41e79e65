// An admin-api refusal (TRPCError with a Chinese message) as a form failure the page shows.
import { TRPCError } from '@trpc/server';
import { fail } from '@sveltejs/kit';

export async function attempt<T>(run: () => Promise<T>) {
  try {
    return { ok: true as const, value: await run() };
  } catch (caught) {
    if (caught instanceof TRPCError) {
      const status = caught.code === 'FORBIDDEN' ? 403 : caught.code === 'UNAUTHORIZED' ? 401 : 400;
      return { ok: false as const, failure: fail(status, { message: caught.message }) };
    }
    throw caught;
  }
}
