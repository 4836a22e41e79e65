import { describe, expect, it } from 'vitest';
import { popSignature, popSignatureMatches } from './aliyun-pop-signature.ts';

// Aliyun's documented signature example (ECS DescribeRegions, AccessKey secret "testsecret").
const DOCUMENTED = {
  Format: 'XML',
  AccessKeyId: 'testid',
  Action: 'DescribeRegions',
  SignatureMethod: 'HMAC-SHA1',
  SignatureNonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf',
  SignatureVersion: '1.0',
  Timestamp: '2016-02-23T12:46:24Z',
  Version: '2014-05-26',
};

describe('Aliyun POP signature', () => {
  it('gives the signature of Aliyun’s documented example', () => {
    expect(popSignature('GET', DOCUMENTED, 'testsecret')).toBe('OLeaidS1JvxuMvnyHOwuJ+uX5qY=');
  });

  it('accepts the right secret’s signature and refuses a wrong secret or a changed parameter', () => {
    const signed = { ...DOCUMENTED, Signature: popSignature('GET', DOCUMENTED, 'testsecret') };
    expect(popSignatureMatches('GET', signed, 'testsecret')).toBe(true);
    expect(popSignatureMatches('GET', signed, 'wrongsecret')).toBe(false);
    expect(popSignatureMatches('GET', { ...signed, Action: 'SendSms' }, 'testsecret')).toBe(false);
  });
});
