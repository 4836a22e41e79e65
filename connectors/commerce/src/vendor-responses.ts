/**
 * Turns one vendor response (HTTP status + parsed body) into data or a CommerceApiError. Shared by
 * the live client and the snapshot client, so a recorded 429 or 404 behaves like a live one.
 * The vendor may signal errors in the HTTP status, in the envelope's `code`, or both.
 */
import type { z } from 'zod';
import { CommerceApiError } from './commerce-errors.ts';
import type { CommerceErrorKind } from './commerce-errors.ts';
import { describeIssues, vendorEnvelopeSchema } from './schemas.ts';
import type { JsonExchange } from '@sg/http-retry';

/** One HTTP response as the client interprets it (see @sg/http-retry). */
export type VendorExchange = JsonExchange;

function kindOfStatus(status: number): CommerceErrorKind {
  if (status === 401 || status === 403) return 'authentication';
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limited';
  if (status === 400 || status === 405 || status === 422) return 'bad_request';
  if (status >= 500) return 'server';
  return 'protocol';
}

const KIND_MESSAGES: Record<CommerceErrorKind, string> = {
  authentication: '工商数据接口鉴权失败，请检查 API Key、密钥和服务器时钟',
  bad_request: '工商数据接口拒绝了请求参数',
  not_found: '工商数据接口未找到请求的资源',
  rate_limited: '工商数据接口限流（429）',
  server: '工商数据接口服务端错误',
  network: '无法连接工商数据接口或连接中断',
  malformed_response: '工商数据接口返回的不是有效 JSON',
  protocol: '工商数据接口返回的数据结构不符合约定',
  not_recorded: '快照中没有该请求的记录',
};

export function commerceError(
  kind: CommerceErrorKind,
  exchange: Pick<VendorExchange, 'request'> & Partial<VendorExchange>,
  detail?: string,
  extra: { vendorCode?: number; requestId?: string; cause?: unknown } = {},
): CommerceApiError {
  const base = `${KIND_MESSAGES[kind]}：${exchange.request}`;
  return new CommerceApiError(detail === undefined ? base : `${base}（${detail}）`, {
    kind,
    request: exchange.request,
    ...(exchange.httpStatus === undefined ? {} : { httpStatus: exchange.httpStatus }),
    ...(exchange.retryAfterMs === undefined ? {} : { retryAfterMs: exchange.retryAfterMs }),
    ...extra,
  });
}

export function interpretResponse<T>(exchange: VendorExchange, dataSchema: z.ZodType<T>): T {
  const envelope = vendorEnvelopeSchema.safeParse(exchange.body);
  if (!envelope.success) {
    const kind = exchange.httpStatus === 200 ? 'protocol' : kindOfStatus(exchange.httpStatus);
    throw commerceError(kind, exchange, `响应信封无效：${describeIssues(envelope.error)}`);
  }
  const { code, message, data, requestId } = envelope.data;
  const status = exchange.httpStatus !== 200 ? exchange.httpStatus : code;
  const extra = { vendorCode: code, ...(requestId === undefined ? {} : { requestId }) };
  if (status !== 200) {
    throw commerceError(kindOfStatus(status), exchange, `${code} ${message}`, extra);
  }
  const parsed = dataSchema.safeParse(data);
  if (!parsed.success) {
    throw commerceError('protocol', exchange, describeIssues(parsed.error), extra);
  }
  return parsed.data;
}
