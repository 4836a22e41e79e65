/**
 * The tax platform's response envelope: `{ code, message, data, requestId }`. `code` is a
 * six-digit text, '000000' for success; messages are Chinese. Each error code has one HTTP status.
 * Authorisation problems (2004xx) are distinct codes on purpose: a bank must tell "the enterprise
 * never authorised us" from "the authorisation ran out" and "the enterprise withdrew it".
 */

export const TAX_CODES = {
  '000000': { status: 200, message: '成功' },
  '100400': { status: 400, message: '请求参数错误' },
  '100401': { status: 401, message: '客户端凭证无效' },
  '100402': { status: 401, message: '访问令牌无效或已过期，请重新获取' },
  '100404': { status: 404, message: '未查询到相关数据' },
  '100405': { status: 405, message: '不支持的请求方法' },
  '100429': { status: 429, message: '请求过于频繁，请稍后重试' },
  '100500': { status: 500, message: '系统繁忙，请稍后重试' },
  '100502': { status: 502, message: '上游系统异常，请稍后重试' },
  '100503': { status: 503, message: '服务暂不可用，请稍后重试' },
  '200401': { status: 403, message: '缺少企业授权码' },
  '200402': { status: 403, message: '企业授权码无效' },
  '200403': { status: 403, message: '企业授权已过期，请企业重新授权' },
  '200404': { status: 403, message: '企业已撤销授权' },
  '200405': { status: 403, message: '授权企业与查询的纳税人不一致' },
} as const;

export type TaxCode = keyof typeof TAX_CODES;
export type TaxErrorCode = Exclude<TaxCode, '000000'>;

export interface TaxEnvelope {
  readonly code: TaxCode;
  readonly message: string;
  readonly data: unknown;
  readonly requestId: string;
}

export interface TaxResponse {
  readonly status: number;
  readonly envelope: TaxEnvelope;
  readonly headers?: Readonly<Record<string, string>>;
}

export function success(data: unknown, requestId: string): TaxResponse {
  return { status: 200, envelope: { code: '000000', message: '成功', data, requestId } };
}

export function failure(
  code: TaxErrorCode,
  requestId: string,
  detail?: string,
  headers?: Readonly<Record<string, string>>,
): TaxResponse {
  const { status, message } = TAX_CODES[code];
  return {
    status,
    envelope: {
      code,
      message: detail === undefined ? message : `${message}：${detail}`,
      data: null,
      requestId,
    },
    ...(headers === undefined ? {} : { headers }),
  };
}

/** The error code an injected HTTP status answers with. */
export function codeOfStatus(status: 429 | 500 | 502 | 503): TaxErrorCode {
  const byStatus = { 429: '100429', 500: '100500', 502: '100502', 503: '100503' } as const;
  return byStatus[status];
}
