export {
  canonicalQuery,
  canonicalRequest,
  computeSignature,
  encodeRfc3986,
  signRequest,
  signatureMatches,
  type SignedHeaders,
} from './request-signature.ts';
export { popSignature, popSignatureMatches, popStringToSign } from './aliyun-pop-signature.ts';
