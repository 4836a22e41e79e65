// The production SMS client: Aliyun dysmsapi SendSms (RPC style, POP signature HMAC-SHA1), one
// verification code per message through a template with the `code` variable. Retries only what
// may pass on a second try (network failure, 5xx, Aliyun's system error or API throttling), each
// attempt freshly signed (new nonce and timestamp); the gateway's flow control and bad numbers
// end the call with a Chinese message for the applicant.
import { randomUUID } from 'node:crypto';
import { callWithRetries, DEFAULT_RETRY_POLICY, type RetryPolicy } from '@sg/http-retry';
import { popSignature } from '@sg/request-signature';
import { localPort, LOCAL_HOST, type RuntimeEnv } from '@sg/runtime-env';
import type { SmsMessage, SmsSender } from './sms.ts';

export interface SmsGatewayConfig {
  readonly endpoint: string;
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly signName: string;
  readonly templateCode: string;
}

/** Development defaults: the local simulator (simulators/sms) and its development account. */
export const DEV_SMS_ACCOUNT = {
  accessKeyId: 'sg-dev-sms-key',
  accessKeySecret: 'sg-dev-sms-secret-not-for-production',
  signName: '智慧担保',
  templateCode: 'SMS_SG_SIGN_IN',
  template: '您的验证码为${code}，5分钟内有效，请勿告诉他人。',
} as const;

/** The gateway from SG_SMS_* variables, else the local simulator on SG_SIM_SMS_PORT. */
export function smsGatewayConfigFromEnv(env: RuntimeEnv = process.env): SmsGatewayConfig {
  const value = (name: string, fallback: string) => {
    const set = env[name]?.trim();
    return set === undefined || set === '' ? fallback : set;
  };
  return {
    endpoint: value(
      'SG_SMS_ENDPOINT',
      `http://${LOCAL_HOST}:${String(localPort('smsSimulator', env))}`,
    ),
    accessKeyId: value('SG_SMS_ACCESS_KEY_ID', DEV_SMS_ACCOUNT.accessKeyId),
    accessKeySecret: value('SG_SMS_ACCESS_KEY_SECRET', DEV_SMS_ACCOUNT.accessKeySecret),
    signName: value('SG_SMS_SIGN_NAME', DEV_SMS_ACCOUNT.signName),
    templateCode: value('SG_SMS_TEMPLATE_CODE', DEV_SMS_ACCOUNT.templateCode),
  };
}

const RETRYABLE_CODES = new Set([
  'isp.SYSTEM_ERROR',
  'Throttling',
  'Throttling.User',
  'ServiceUnavailable',
]);

const USER_MESSAGES: Readonly<Record<string, string>> = {
  'isv.BUSINESS_LIMIT_CONTROL': '验证码发送过于频繁，请稍后再试',
  'isv.MOBILE_NUMBER_ILLEGAL': '手机号码格式不正确',
};

/** A send the gateway refused or could not be reached for; `userMessage` is for the applicant. */
export class SmsGatewayError extends Error {
  readonly retryAfterMs = undefined;
  readonly code: string;
  readonly gatewayMessage: string;
  readonly retryable: boolean;
  readonly attempts: number;

  constructor(code: string, gatewayMessage: string, retryable: boolean, attempts = 1) {
    super(`SMS gateway: ${code} ${gatewayMessage} (after ${String(attempts)} attempt(s))`);
    this.name = 'SmsGatewayError';
    this.code = code;
    this.gatewayMessage = gatewayMessage;
    this.retryable = retryable;
    this.attempts = attempts;
  }

  get userMessage(): string {
    return USER_MESSAGES[this.code] ?? '短信发送失败，请稍后再试';
  }

  withAttempts(attempts: number): SmsGatewayError {
    return new SmsGatewayError(this.code, this.gatewayMessage, this.retryable, attempts);
  }
}

export interface AliyunSmsSenderOptions {
  readonly policy?: RetryPolicy;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly fetch?: typeof fetch;
}

export class AliyunSmsSender implements SmsSender {
  private readonly config: SmsGatewayConfig;
  private readonly options: AliyunSmsSenderOptions;

  constructor(config: SmsGatewayConfig, options: AliyunSmsSenderOptions = {}) {
    this.config = config;
    this.options = options;
  }

  /** The signed SendSms parameters of one attempt. */
  signedParams(message: SmsMessage, now: Date = new Date()): Record<string, string> {
    const params: Record<string, string> = {
      Action: 'SendSms',
      Version: '2017-05-25',
      RegionId: 'cn-hangzhou',
      Format: 'JSON',
      AccessKeyId: this.config.accessKeyId,
      SignatureMethod: 'HMAC-SHA1',
      SignatureVersion: '1.0',
      SignatureNonce: randomUUID(),
      Timestamp: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      PhoneNumbers: message.phoneNumber,
      SignName: this.config.signName,
      TemplateCode: this.config.templateCode,
      TemplateParam: JSON.stringify({ code: message.code }),
    };
    return { ...params, Signature: popSignature('POST', params, this.config.accessKeySecret) };
  }

  private async attempt(message: SmsMessage): Promise<string> {
    let response: Response;
    try {
      response = await (this.options.fetch ?? fetch)(`${this.config.endpoint}/`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(this.signedParams(message)).toString(),
        signal: AbortSignal.timeout(10_000),
      });
    } catch (cause) {
      throw new SmsGatewayError('NetworkError', String(cause), true);
    }
    const text = await response.text();
    let body: { Code?: unknown; Message?: unknown; BizId?: unknown } = {};
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      throw new SmsGatewayError(
        `HTTP ${String(response.status)}`,
        text.slice(0, 200),
        response.status >= 500,
      );
    }
    const code = typeof body.Code === 'string' ? body.Code : `HTTP ${String(response.status)}`;
    if (code === 'OK' && typeof body.BizId === 'string') return body.BizId;
    const retryable = response.status >= 500 || RETRYABLE_CODES.has(code);
    throw new SmsGatewayError(
      code,
      typeof body.Message === 'string' ? body.Message : '',
      retryable,
    );
  }

  /** Sends the message; resolves with Aliyun's BizId, or throws SmsGatewayError. */
  async sendWithReceipt(message: SmsMessage): Promise<string> {
    return callWithRetries({
      policy: this.options.policy ?? DEFAULT_RETRY_POLICY,
      sleep: this.options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
      random: Math.random,
      isFailure: (error): error is SmsGatewayError => error instanceof SmsGatewayError,
      prepare: () => Promise.resolve(undefined),
      attempt: () => this.attempt(message),
    });
  }

  async send(message: SmsMessage): Promise<void> {
    await this.sendWithReceipt(message);
  }
}
