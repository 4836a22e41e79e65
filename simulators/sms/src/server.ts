// The SMS gateway simulator's HTTP server: Aliyun's RPC endpoint (`/` with Action=SendSms, by GET
// query or POST form, answered in JSON like dysmsapi), a Chinese page at GET / listing the messages
// sent (development only: numbers and codes in full), and GET /_sim/messages as JSON for tests.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createSimulatorHttpServer } from '@sg/simulator-kit';
import { sentMessagesPage } from './messages-page.ts';
import { ALIYUN_FLOW_LIMITS, sendSms } from './send-sms.ts';
import type { FlowLimit, SentSms, SmsAccount } from './send-sms.ts';

export interface SmsSimulatorOptions {
  readonly account: SmsAccount;
  readonly limits?: readonly FlowLimit[];
  readonly clock?: () => Date;
}

export interface SmsSimulator {
  readonly server: Server;
  readonly sent: readonly SentSms[];
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json;charset=utf-8' });
  res.end(JSON.stringify(body));
}

async function formBody(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

export function createSmsSimulator(options: SmsSimulatorOptions): SmsSimulator {
  const clock = options.clock ?? (() => new Date());
  const sent: SentSms[] = [];
  const usedNonces = new Set<string>();
  const state = {
    usedNonces,
    sent,
    limits: options.limits ?? ALIYUN_FLOW_LIMITS,
    newId: randomUUID,
  };
  const server = createSimulatorHttpServer({
    name: 'sim-sms',
    controlPrefix: '/_sim/',
    control: (req, res, path) => {
      if (req.method !== 'GET' || path !== '/_sim/messages') {
        json(res, 404, { error: 'not found' });
        return Promise.resolve();
      }
      json(res, 200, { messages: sent });
      return Promise.resolve();
    },
    api: async (req, res, url) => {
      const method = req.method ?? 'GET';
      const params = method === 'POST' ? await formBody(req) : url.searchParams;
      if (method === 'GET' && url.pathname === '/' && !params.has('Action')) {
        res.writeHead(200, { 'content-type': 'text/html;charset=utf-8' });
        res.end(sentMessagesPage(sent));
        return;
      }
      const requestId = randomUUID().toUpperCase();
      const answer = sendSms(method, Object.fromEntries(params), options.account, state, clock());
      sent.push(...(answer.sent ?? []));
      json(res, answer.status, { ...answer.body, RequestId: requestId });
    },
    internalError: (res) => {
      json(res, 500, { Code: 'isp.SYSTEM_ERROR', Message: 'isp.SYSTEM_ERROR' });
    },
  });
  return { server, sent };
}
