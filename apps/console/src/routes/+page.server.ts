import { requirePermission } from '#lib/server/guard.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
  requirePermission(event, null);
  return {};
};
