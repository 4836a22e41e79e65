/**
 * zod schemas of the tax platform's wire format: the envelope, the access token, authorisations
 * and the taxpayer query pages. Record lists stay `unknown[]` here: api-extract.ts validates each
 * record on its own so that one bad record is quarantined instead of failing the page.
 */
import { z } from 'zod';

export const taxEnvelopeSchema = z.object({
  code: z.string().regex(/^\d{6}$/),
  message: z.string(),
  data: z.unknown(),
  requestId: z.string().optional(),
});
export type TaxEnvelope = z.output<typeof taxEnvelopeSchema>;

export const accessTokenSchema = z.object({
  accessToken: z.string().min(1),
  expiresIn: z.int().min(1),
  tokenType: z.string().optional(),
});
export type AccessToken = z.output<typeof accessTokenSchema>;

export const authorizationSchema = z.object({
  authCode: z.string().min(1),
  uscc: z.string(),
  clientId: z.string(),
  authorizedAt: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  status: z.enum(['active', 'expired', 'revoked']),
});
export type TaxAuthorization = z.output<typeof authorizationSchema>;

export const authorizationListSchema = z.object({ items: z.array(authorizationSchema) });

export const taxpayerSchema = z.object({
  uscc: z.string(),
  taxpayerName: z.string(),
  taxpayerType: z.string(),
  regionCode: z.string(),
});
export type TaxpayerInfo = z.output<typeof taxpayerSchema>;

/** A taxpayer query answer: who, and the records (validated one by one later). */
export const taxpayerItemsSchema = z.object({
  uscc: z.string(),
  taxpayerName: z.string(),
  items: z.array(z.unknown()),
});
export type TaxpayerItems = z.output<typeof taxpayerItemsSchema>;

export const YUAN_TEXT = /^-?\d{1,15}\.\d{2}$/;

export const creditGradeRecordSchema = z.object({
  year: z.int({ error: '评价年度应为整数' }).min(2000, { error: '评价年度无效' }),
  grade: z.string({ error: '缺少信用等级' }),
});

export const arrearsRecordSchema = z.object({
  taxType: z.string().min(1, { error: '缺少税种' }),
  arrearsAmount: z.string().regex(YUAN_TEXT, { error: '欠税金额应为两位小数的元' }),
  sinceDate: z.iso.date({ error: '欠税起始日期应为 yyyy-MM-dd' }),
});

/** Chinese, one line: '字段：原因；字段：原因'. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const field = issue.path.map(String).join('.');
      return field === '' ? issue.message : `${field}：${issue.message}`;
    })
    .join('；');
}
