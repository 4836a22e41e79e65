// One error format: tRPC's shape plus the request id and a Chinese message for every code. Internal
// errors never show their message to the caller.
import type { TRPCError } from '@trpc/server';

export const ERROR_MESSAGES = {
  PARSE_ERROR: '请求格式有误',
  BAD_REQUEST: '请求参数有误',
  PAYMENT_REQUIRED: '需要付费',
  UNAUTHORIZED: '请先登录',
  FORBIDDEN: '无权执行此操作',
  NOT_FOUND: '未找到请求的内容',
  METHOD_NOT_SUPPORTED: '不支持的请求方式',
  TIMEOUT: '请求超时',
  CONFLICT: '数据已被修改，请刷新后重试',
  PRECONDITION_FAILED: '前置条件不满足',
  PAYLOAD_TOO_LARGE: '请求内容过大',
  UNSUPPORTED_MEDIA_TYPE: '不支持的内容类型',
  UNPROCESSABLE_CONTENT: '请求内容无法处理',
  PRECONDITION_REQUIRED: '缺少前置条件',
  TOO_MANY_REQUESTS: '请求过于频繁，请稍后再试',
  CLIENT_CLOSED_REQUEST: '请求已取消',
  INTERNAL_SERVER_ERROR: '服务器内部错误',
  NOT_IMPLEMENTED: '功能尚未提供',
  BAD_GATEWAY: '上游服务异常',
  SERVICE_UNAVAILABLE: '服务暂不可用',
  GATEWAY_TIMEOUT: '上游服务超时',
} as const satisfies Readonly<Record<TRPCError['code'], string>>;

/** The message shown: ours for internal errors, the thrower's when it wrote one, else the code's. */
export function chineseMessage(error: TRPCError): string {
  if (error.code === 'INTERNAL_SERVER_ERROR') return ERROR_MESSAGES.INTERNAL_SERVER_ERROR;
  const own = error.message;
  return own !== '' && own !== error.code && /\p{Script=Han}/u.test(own)
    ? own
    : ERROR_MESSAGES[error.code];
}
