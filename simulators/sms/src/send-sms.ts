// Aliyun dysmsapi SendSms (version 2017-05-25) as the service answers it: the POP signature and
// access key first (HTTP 400/404 with the gateway's error codes), then the business checks with
// HTTP 200 and an `isv.*` code, then the per-number flow control; a pure function of the request's
// parameters, the account and the earlier sends.
import { popSignatureMatches } from '@sg/request-signature';

export interface SmsAccount {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly signNames: readonly string[];
  /** Template code → its text with `${name}` variables. */
  readonly templates: Readonly<Record<string, string>>;
}

/** Aliyun's default flow control for a verification-code template, per number. */
export interface FlowLimit {
  readonly windowMs: number;
  readonly permits: number;
  /** The level in the gateway's message: 分钟级, 小时级, 天级. */
  readonly level: string;
}

export const ALIYUN_FLOW_LIMITS: readonly FlowLimit[] = [
  { windowMs: 60_000, permits: 1, level: '分钟级' },
  { windowMs: 3_600_000, permits: 5, level: '小时级' },
  { windowMs: 86_400_000, permits: 10, level: '天级' },
];

export interface SentSms {
  readonly bizId: string;
  readonly phoneNumber: string;
  readonly signName: string;
  readonly templateCode: string;
  readonly params: Readonly<Record<string, string>>;
  readonly text: string;
  readonly sentAt: Date;
}

export interface SendSmsAnswer {
  readonly status: number;
  readonly body: Readonly<Record<string, string>>;
  readonly sent?: readonly SentSms[];
}

const TIMESTAMP_TOLERANCE_MS = 15 * 60_000;
const MAINLAND_MOBILE = /^(?:\+?86|0086)?(1[3-9]\d{9})$/;

function error(status: number, code: string, message: string): SendSmsAnswer {
  return { status, body: { Code: code, Message: message } };
}

function templateParams(json: string | undefined): Record<string, string> | undefined {
  if (json === undefined || json === '') return {};
  try {
    const parsed: unknown = JSON.parse(json);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
    return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, String(v)]));
  } catch {
    return undefined;
  }
}

function authenticate(
  method: string,
  params: Readonly<Record<string, string>>,
  account: SmsAccount,
  now: Date,
  usedNonces: Set<string>,
): SendSmsAnswer | undefined {
  if (params['AccessKeyId'] !== account.accessKeyId) {
    return error(404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.');
  }
  if (!popSignatureMatches(method, params, account.accessKeySecret)) {
    return error(
      400,
      'SignatureDoesNotMatch',
      'Specified signature is not matched with our calculation.',
    );
  }
  const at = Date.parse(params['Timestamp'] ?? '');
  if (Number.isNaN(at) || Math.abs(now.getTime() - at) > TIMESTAMP_TOLERANCE_MS) {
    return error(400, 'InvalidTimeStamp.Expired', 'Specified time stamp or date value is expired.');
  }
  const nonce = params['SignatureNonce'] ?? '';
  if (nonce === '' || usedNonces.has(nonce)) {
    return error(400, 'SignatureNonceUsed', 'Specified signature nonce was used already.');
  }
  usedNonces.add(nonce);
  return undefined;
}

/** The first flow limit a new send to this number would exceed. */
export function exceededFlowLimit(
  earlier: readonly Date[],
  now: Date,
  limits: readonly FlowLimit[] = ALIYUN_FLOW_LIMITS,
): FlowLimit | undefined {
  return limits.find(
    (limit) =>
      earlier.filter((at) => now.getTime() - at.getTime() < limit.windowMs).length >= limit.permits,
  );
}

export interface SendSmsState {
  readonly usedNonces: Set<string>;
  readonly sent: readonly SentSms[];
  readonly limits: readonly FlowLimit[];
  readonly newId: () => string;
}

export function sendSms(
  method: string,
  params: Readonly<Record<string, string>>,
  account: SmsAccount,
  state: SendSmsState,
  now: Date,
): SendSmsAnswer {
  const refused = authenticate(method, params, account, now, state.usedNonces);
  if (refused) return refused;
  if (params['Action'] !== 'SendSms') {
    return error(
      404,
      'InvalidAction.NotFound',
      'Specified api is not found, please check your url and method.',
    );
  }
  const numbers = (params['PhoneNumbers'] ?? '').split(',').map((n) => n.trim());
  const mobiles = numbers.map((n) => MAINLAND_MOBILE.exec(n)?.[1]);
  if (numbers.length === 0 || mobiles.some((m) => m === undefined)) {
    return error(200, 'isv.MOBILE_NUMBER_ILLEGAL', '非法手机号');
  }
  const signName = params['SignName'] ?? '';
  if (!account.signNames.includes(signName)) {
    return error(200, 'isv.SMS_SIGNATURE_ILLEGAL', '该账号下找不到对应签名');
  }
  const templateCode = params['TemplateCode'] ?? '';
  const template = account.templates[templateCode];
  if (template === undefined)
    return error(200, 'isv.SMS_TEMPLATE_ILLEGAL', '该账号下找不到对应模板');
  const values = templateParams(params['TemplateParam']);
  if (values === undefined)
    return error(200, 'isv.INVALID_JSON_PARAM', 'JSON参数不合法，只接受字符串值');
  const variables = [...template.matchAll(/\$\{(\w+)\}/g)].map((m) => m[1] ?? '');
  if (variables.some((name) => values[name] === undefined || values[name] === '')) {
    return error(200, 'isv.TEMPLATE_MISSING_PARAMETERS', '模板缺少变量');
  }
  for (const mobile of mobiles as string[]) {
    const earlier = state.sent.filter((s) => s.phoneNumber === mobile).map((s) => s.sentAt);
    const limit = exceededFlowLimit(earlier, now, state.limits);
    if (limit) {
      return error(
        200,
        'isv.BUSINESS_LIMIT_CONTROL',
        `触发${limit.level}流控Permits:${String(limit.permits)}`,
      );
    }
  }
  const bizId = `${state.newId()}^0`;
  const text = `【${signName}】${template.replace(/\$\{(\w+)\}/g, (_m, name: string) => values[name] ?? '')}`;
  const sent = (mobiles as string[]).map((phoneNumber) => ({
    bizId,
    phoneNumber,
    signName,
    templateCode,
    params: values,
    text,
    sentAt: now,
  }));
  return { status: 200, body: { Code: 'OK', Message: 'OK', BizId: bizId }, sent };
}
