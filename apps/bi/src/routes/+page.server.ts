import { semanticAccess } from '#lib/server/semantic-access.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({
  semantic: semanticAccess('app-bi'),
});
