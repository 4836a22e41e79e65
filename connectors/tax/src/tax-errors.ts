import { RETRYABLE_HTTP_API_FAILURES, SourceApiError } from '@sg/source-contract';
import type { HttpApiFailureKind, SourceApiErrorDetails } from '@sg/source-contract';

/**
 * The one error type the tax API client throws (on the shared SourceApiError base). `kind` says what went wrong and whether a retry
 * could help. Authorisation problems are their own kinds and are never retried: only the
 * enterprise can fix them (authorise again), so the message says so.
 */

export type TaxErrorKind =
  /** Client id / secret rejected (100401). Not retried. */
  | 'client_authentication'
  /** No authorisation code was given, or the platform does not know it (200401, 200402). */
  | 'authorization_missing'
  /** The enterprise's authorisation ran out (200403). Not retried. */
  | 'authorization_expired'
  /** The enterprise withdrew its authorisation (200404). Not retried. */
  | 'authorization_revoked'
  /** The authorisation belongs to another taxpayer (200405). Not retried. */
  | 'authorization_mismatch'
  | HttpApiFailureKind;

export const RETRYABLE_TAX_ERRORS: ReadonlySet<TaxErrorKind> = RETRYABLE_HTTP_API_FAILURES;

export const AUTHORIZATION_ERRORS: ReadonlySet<TaxErrorKind> = new Set([
  'authorization_missing',
  'authorization_expired',
  'authorization_revoked',
  'authorization_mismatch',
]);

export interface TaxErrorDetails extends SourceApiErrorDetails<TaxErrorKind> {
  /** The platform's six-digit code, e.g. '200403'. */
  readonly platformCode?: string;
}

export class TaxApiError extends SourceApiError<TaxErrorKind> {
  override readonly name = 'TaxApiError';
  readonly platformCode: string | undefined;

  constructor(message: string, details: TaxErrorDetails) {
    super(message, details);
    this.platformCode = details.platformCode;
  }

  protected get retryableKinds(): ReadonlySet<TaxErrorKind> {
    return RETRYABLE_TAX_ERRORS;
  }

  get isAuthorizationProblem(): boolean {
    return AUTHORIZATION_ERRORS.has(this.kind);
  }
}

const KIND_MESSAGES: Record<TaxErrorKind, string> = {
  client_authentication: '税务接口拒绝了客户端凭证，请检查 clientId 和 clientSecret',
  authorization_missing: '没有该企业的有效授权码，请企业在电子税务局完成授权',
  authorization_expired: '企业授权已过期，请企业在电子税务局重新授权',
  authorization_revoked: '企业已撤销授权，未经重新授权不得查询',
  authorization_mismatch: '授权码属于其他纳税人，请核对统一社会信用代码',
  bad_request: '税务接口拒绝了请求参数',
  not_found: '税务接口未找到请求的资源',
  rate_limited: '税务接口限流（429）',
  server: '税务接口服务端错误',
  network: '无法连接税务接口或连接中断',
  malformed_response: '税务接口返回的不是有效 JSON',
  protocol: '税务接口返回的数据结构不符合约定',
};

export function taxError(
  kind: TaxErrorKind,
  request: string,
  detail?: string,
  extra: Omit<TaxErrorDetails, 'kind' | 'request'> = {},
): TaxApiError {
  const base = `${KIND_MESSAGES[kind]}：${request}`;
  return new TaxApiError(detail === undefined ? base : `${base}（${detail}）`, {
    kind,
    request,
    ...extra,
  });
}
