// The production client (AliyunSmsSender, @sg/identity) against the running simulator over real
// HTTP: the POP signature is checked by the simulator, flow control and bad input answer with
// Aliyun's codes, and the client retries only what may pass on a second try.
import {
  AliyunSmsSender,
  DEV_SMS_ACCOUNT,
  SmsGatewayError,
  type SmsGatewayConfig,
} from '@sg/identity';
import { listenOn, type ListeningServer } from '@sg/simulator-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmsSimulator } from './server.ts';

const NO_WAIT = { maxAttempts: 3, baseDelayMs: 0, maxDelayMs: 0, maxRetryAfterMs: 0 };

describe('Aliyun SendSms: client against the simulator', () => {
  let listening: ListeningServer;
  let config: SmsGatewayConfig;

  beforeAll(async () => {
    const { server } = createSmsSimulator({
      account: {
        accessKeyId: DEV_SMS_ACCOUNT.accessKeyId,
        accessKeySecret: DEV_SMS_ACCOUNT.accessKeySecret,
        signNames: [DEV_SMS_ACCOUNT.signName],
        templates: { [DEV_SMS_ACCOUNT.templateCode]: DEV_SMS_ACCOUNT.template },
      },
    });
    listening = await listenOn(server, { port: 0 });
    config = { endpoint: listening.url, ...DEV_SMS_ACCOUNT };
  });

  afterAll(async () => {
    await listening.close();
  });

  const message = (phoneNumber: string, code = '246810') => ({
    phoneNumber,
    code,
    text: `您的验证码为 ${code}`,
  });

  async function failure(promise: Promise<unknown>): Promise<SmsGatewayError> {
    const caught: unknown = await promise.then(
      () => undefined,
      (error: unknown) => error,
    );
    if (!(caught instanceof SmsGatewayError))
      throw new Error(`expected SmsGatewayError, got ${String(caught)}`);
    return caught;
  }

  it('delivers a code the simulator shows on its page and in its JSON, with Aliyun’s BizId', async () => {
    const bizId = await new AliyunSmsSender(config).sendWithReceipt(message('13800001111'));
    expect(bizId).toMatch(/\^0$/);
    const listed = (await (await fetch(`${listening.url}/_sim/messages`)).json()) as {
      messages: { phoneNumber: string; params: { code: string }; text: string }[];
    };
    expect(listed.messages.at(-1)).toMatchObject({
      phoneNumber: '13800001111',
      params: { code: '246810' },
      text: '【智慧担保】您的验证码为246810，5分钟内有效，请勿告诉他人。',
    });
    const page = await (await fetch(`${listening.url}/`)).text();
    expect(page).toContain('13800001111');
    expect(page).toContain('246810');
  });

  it('refuses a wrong secret with SignatureDoesNotMatch, without retrying', async () => {
    let calls = 0;
    const counting: typeof fetch = (input, init) => {
      calls += 1;
      return fetch(input, init);
    };
    const sender = new AliyunSmsSender(
      { ...config, accessKeySecret: 'wrong-secret' },
      { fetch: counting, policy: NO_WAIT },
    );
    const error = await failure(sender.send(message('13800002222')));
    expect(error.code).toBe('SignatureDoesNotMatch');
    expect(calls).toBe(1);
  });

  it('throttles a number per minute with isv.BUSINESS_LIMIT_CONTROL and a Chinese message', async () => {
    const sender = new AliyunSmsSender(config, { policy: NO_WAIT });
    await sender.send(message('13800003333'));
    const error = await failure(sender.send(message('13800003333')));
    expect(error.code).toBe('isv.BUSINESS_LIMIT_CONTROL');
    expect(error.gatewayMessage).toBe('触发分钟级流控Permits:1');
    expect(error.userMessage).toBe('验证码发送过于频繁，请稍后再试');
    await expect(sender.send(message('13800004444'))).resolves.toBeUndefined();
  });

  it('answers a bad number and a missing template variable with Aliyun’s codes', async () => {
    const sender = new AliyunSmsSender(config, { policy: NO_WAIT });
    expect((await failure(sender.send(message('12345')))).code).toBe('isv.MOBILE_NUMBER_ILLEGAL');
    expect((await failure(sender.send(message('13800005555', '')))).code).toBe(
      'isv.TEMPLATE_MISSING_PARAMETERS',
    );
  });

  it('refuses a replayed request (same nonce) with SignatureNonceUsed', async () => {
    const body = new URLSearchParams(
      new AliyunSmsSender(config).signedParams(message('13800006666')),
    );
    const post = () =>
      fetch(`${listening.url}/`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: body.toString(),
      }).then((response) => response.json() as Promise<{ Code: string }>);
    expect((await post()).Code).toBe('OK');
    expect((await post()).Code).toBe('SignatureNonceUsed');
  });

  it('retries a network failure with a freshly signed request', async () => {
    let calls = 0;
    const flaky: typeof fetch = (input, init) => {
      calls += 1;
      return calls === 1 ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init);
    };
    const sender = new AliyunSmsSender(config, {
      fetch: flaky,
      policy: NO_WAIT,
      sleep: () => Promise.resolve(),
    });
    await expect(sender.sendWithReceipt(message('13800007777'))).resolves.toMatch(/\^0$/);
    expect(calls).toBe(2);
  });
});
