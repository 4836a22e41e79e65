import { auditFilterInput } from '@sg/admin-api';
import {
  fieldErrorsOf,
  type FieldErrors,
  formatShanghaiDateTime,
  tablePage,
  tableQueryOf,
} from '@sg/ui-shell';
import { requirePermission } from '#lib/server/guard.ts';
import { adminApi } from '#lib/server/services.ts';
import type { PageServerLoad } from './$types';

const AUDIT_LIMIT = 500;

/** The auditor's filter from the query string: actor, action, Beijing dates (inclusive). */
function filterOf(params: URLSearchParams) {
  const text = (name: string) => params.get(name)?.trim() ?? '';
  const day = (name: string, time: string) =>
    text(name) === '' ? undefined : `${text(name)}T${time}+08:00`;
  return {
    actor: text('actor') === '' ? undefined : text('actor'),
    actions: text('action') === '' ? undefined : [text('action')],
    since: day('since', '00:00:00'),
    until: day('until', '23:59:59.999'),
    limit: AUDIT_LIMIT,
  };
}

export const load: PageServerLoad = async (event) => {
  requirePermission(event, 'audit.read');
  const params = event.url.searchParams;
  const filter = filterOf(params);
  const parsed = auditFilterInput.safeParse(filter);
  const form = {
    actor: params.get('actor') ?? '',
    action: params.get('action') ?? '',
    since: params.get('since') ?? '',
    until: params.get('until') ?? '',
  };
  if (!parsed.success) return { form, errors: fieldErrorsOf(parsed.error), table: null };
  const events = await adminApi(event.locals.rpcContext).audit.query(parsed.data);
  const rows = events.map((entry) => ({
    occurredAt: formatShanghaiDateTime(entry.occurredAt),
    actor: entry.actor,
    action: entry.action,
    subject: entry.subject,
    detail: JSON.stringify(entry.detail),
  }));
  const query = tableQueryOf(params, ['occurredAt', 'actor', 'action']);
  const none: FieldErrors = {};
  return { form, errors: none, table: { ...tablePage(rows, query), query } };
};
