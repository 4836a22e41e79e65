// One id per request: taken from a proxy's x-request-id when it is a plain token, else made here;
// written in every log line of the request and returned in the error format.
import { randomUUID } from 'node:crypto';

const ACCEPTABLE = /^[A-Za-z0-9._-]{8,128}$/;

export function requestIdOf(headers: Headers): string {
  const given = headers.get('x-request-id');
  return given !== null && ACCEPTABLE.test(given) ? given : randomUUID();
}

/** One JSON log line naming the request. */
export function requestLogLine(
  requestId: string,
  fields: Readonly<Record<string, string | number | null>>,
): string {
  return JSON.stringify({ time: new Date().toISOString(), requestId, ...fields });
}
