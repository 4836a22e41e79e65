// The audit viewer's filter as @sg/app-db's AuditQuery: absent fields left out, not undefined.
import type { AuditQuery } from '@sg/app-db';
import type { AuditFilterInput } from './schemas.ts';

export function auditQueryOf(filter: AuditFilterInput): AuditQuery {
  return {
    limit: filter.limit,
    ...(filter.actor === undefined ? {} : { actor: filter.actor }),
    ...(filter.actions === undefined || filter.actions.length === 0
      ? {}
      : { actions: filter.actions }),
    ...(filter.since === undefined ? {} : { since: filter.since }),
    ...(filter.until === undefined ? {} : { until: filter.until }),
  };
}
