/**
 * The vendor's response envelope: `{ code, message, data, requestId }`. `code` 200 means success;
 * errors repeat the HTTP status as `code` with a Chinese message and `data: null`.
 */

export const VENDOR_MESSAGES = {
  200: '操作成功',
  400: '请求参数错误',
  401: '鉴权失败',
  404: '未查询到相关数据',
  405: '不支持的请求方法',
  429: '请求过于频繁，请稍后重试',
  500: '服务内部错误，请稍后重试',
  502: '上游服务异常，请稍后重试',
  503: '服务暂不可用，请稍后重试',
} as const;

export type VendorCode = keyof typeof VENDOR_MESSAGES;

export interface VendorEnvelope<T> {
  readonly code: VendorCode;
  readonly message: string;
  readonly data: T | null;
  readonly requestId: string;
}

export function successEnvelope<T>(data: T, requestId: string): VendorEnvelope<T> {
  return { code: 200, message: VENDOR_MESSAGES[200], data, requestId };
}

export function errorEnvelope(
  code: Exclude<VendorCode, 200>,
  requestId: string,
  detail?: string,
): VendorEnvelope<never> {
  const message =
    detail === undefined ? VENDOR_MESSAGES[code] : `${VENDOR_MESSAGES[code]}：${detail}`;
  return { code, message, data: null, requestId };
}
