// Aliyun's POP (RPC-style API) signature, version 1.0 with HMAC-SHA1, as Aliyun documents it for
// dysmsapi SendSms and every RPC API: the parameters (without Signature) sorted by name, each
// name and value percent-encoded (RFC 3986), joined by `&`; the string to sign is
// `METHOD&%2F&percentEncode(that query)`; the key is the AccessKey secret followed by `&`; the
// signature is the HMAC's Base64.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { encodeRfc3986 } from './request-signature.ts';

export function popStringToSign(method: string, params: Readonly<Record<string, string>>): string {
  const query = Object.keys(params)
    .filter((name) => name !== 'Signature')
    .sort()
    .map((name) => `${encodeRfc3986(name)}=${encodeRfc3986(params[name] ?? '')}`)
    .join('&');
  return `${method.toUpperCase()}&${encodeRfc3986('/')}&${encodeRfc3986(query)}`;
}

export function popSignature(
  method: string,
  params: Readonly<Record<string, string>>,
  accessKeySecret: string,
): string {
  return createHmac('sha1', `${accessKeySecret}&`)
    .update(popStringToSign(method, params))
    .digest('base64');
}

/** Whether a presented Signature is the one the secret gives (constant time). */
export function popSignatureMatches(
  method: string,
  params: Readonly<Record<string, string>>,
  accessKeySecret: string,
): boolean {
  const expected = Buffer.from(popSignature(method, params, accessKeySecret), 'utf8');
  const presented = Buffer.from(params['Signature'] ?? '', 'utf8');
  return expected.length === presented.length && timingSafeEqual(expected, presented);
}
