import type { RpcContext } from '@sg/rpc';
import { describe, expect, it } from 'vitest';
import { createSessionHandle, type SessionEvent } from './session-handle.ts';

const ANALYST: RpcContext['user'] = {
  userId: 'u1',
  login: 'analyst.yinchuan',
  displayName: '马小花',
  orgUnitId: 'yinchuan_branch',
  roles: ['analyst'],
};

describe('createSessionHandle', () => {
  it('puts the context in locals, echoes the request id and logs one line with it', async () => {
    const lines: string[] = [];
    const seenHeaders: Headers[] = [];
    const handle = createSessionHandle({
      contextOf: (headers, requestId) => {
        seenHeaders.push(headers);
        return Promise.resolve({ requestId, user: ANALYST });
      },
      log: (line) => lines.push(line),
    });
    const request = new Request('http://127.0.0.1/bi?x=1', {
      headers: { cookie: 'sg.session_token=t', 'x-request-id': 'proxy-id-0001' },
    });
    const event: SessionEvent = {
      request,
      url: new URL(request.url),
      locals: { rpcContext: { requestId: '', user: null } },
    };
    const response = await handle({
      event,
      resolve: (resolved) =>
        new Response(resolved.locals.rpcContext.user?.login ?? '', { status: 200 }),
    });

    expect(await response.text()).toBe('analyst.yinchuan');
    expect(response.headers.get('x-request-id')).toBe('proxy-id-0001');
    expect(seenHeaders[0]?.get('cookie')).toBe('sg.session_token=t');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({
      requestId: 'proxy-id-0001',
      method: 'GET',
      path: '/bi',
      status: 200,
      user: 'analyst.yinchuan',
    });
  });
});
