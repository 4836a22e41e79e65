/**
 * zod schemas of the commerce-data vendor's wire format: the response envelope, the enterprise
 * record (listing and detail), search summaries and the page shapes. Messages are Chinese: they
 * become quarantine reasons that data engineers read in the console.
 */
import { usccSchema } from '@sg/domain';
import { z } from 'zod';

function missingOr(label: string, expected: string) {
  return (issue: { readonly input?: unknown }): string =>
    issue.input === undefined || issue.input === null ? `缺少${label}` : `${label}应为${expected}`;
}

/** A required, trimmed, non-empty text field. */
function requiredText(label: string) {
  return z
    .string({ error: missingOr(label, '文本') })
    .trim()
    .min(1, { error: `${label}不能为空` });
}

/** An optional text field: missing, null and blank all become null. */
function optionalText(label: string) {
  return z
    .string({ error: `${label}应为文本` })
    .trim()
    .nullish()
    .transform((value) => (value === undefined || value === null || value === '' ? null : value));
}

function isCalendarDate(isoDate: string): boolean {
  const ms = Date.parse(`${isoDate}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === isoDate;
}

/** 'YYYY-MM-DD' (a time part '00:00:00' some vendors append is dropped); blank → null. */
const establishDateSchema = optionalText('成立日期').pipe(
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2})?$/, { error: '成立日期格式应为 yyyy-MM-dd' })
    .transform((text) => text.slice(0, 10))
    .refine(isCalendarDate, { error: '成立日期不是有效日期' })
    .nullable(),
);

/** 'YYYY-MM-DD HH:mm:ss', Beijing time. */
const updateTimeSchema = requiredText('更新时间')
  .regex(/^\d{4}-\d{2}-\d{2} ([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/, {
    error: '更新时间格式应为 yyyy-MM-dd HH:mm:ss',
  })
  .refine((text) => isCalendarDate(text.slice(0, 10)), { error: '更新时间不是有效日期' });

/** One enterprise as the vendor sends it in listings and detail responses. */
export const vendorEnterpriseSchema = z.object({
  creditCode: z.string({ error: missingOr('统一社会信用代码', '文本') }).pipe(usccSchema),
  name: requiredText('企业名称'),
  legalPersonName: optionalText('法定代表人'),
  regStatus: requiredText('登记状态'),
  /** e.g. '500万人民币'; parsed into fen by type-mapping.ts. */
  regCapital: optionalText('注册资本'),
  establishDate: establishDateSchema,
  areaCode: requiredText('行政区划代码').regex(/^\d{6}$/, { error: '行政区划代码应为6位数字' }),
  industryCode: optionalText('行业代码').pipe(
    z
      .string()
      .regex(/^\d{4}$/, { error: '行业代码应为4位数字（国民经济行业分类小类）' })
      .nullable(),
  ),
  updateTime: updateTimeSchema,
});
export type VendorEnterprise = z.output<typeof vendorEnterpriseSchema>;

/** A search result item. */
export const vendorEnterpriseSummarySchema = z.object({
  creditCode: z.string(),
  name: z.string(),
  legalPersonName: z.string().nullish(),
  regStatus: z.string().nullish(),
  establishDate: z.string().nullish(),
});
export type VendorEnterpriseSummary = z.output<typeof vendorEnterpriseSummarySchema>;

/** The envelope around every response: code 200 is success. */
export const vendorEnvelopeSchema = z.object({
  code: z.int(),
  message: z.string(),
  data: z.unknown(),
  requestId: z.string().optional(),
});
export type VendorEnvelope = z.output<typeof vendorEnvelopeSchema>;

export const searchPageSchema = z.object({
  total: z.int().min(0),
  page: z.int().min(1),
  pageSize: z.int().min(1),
  items: z.array(vendorEnterpriseSummarySchema),
});
export type SearchPage = z.output<typeof searchPageSchema>;

/**
 * A listing page. Items stay `unknown` here on purpose: extract.ts validates each record on its
 * own, so one bad record is quarantined instead of failing the whole page.
 */
export const listingPageSchema = z.object({
  items: z.array(z.unknown()),
  nextCursor: z.string().min(1).nullable(),
});
export type ListingPage = z.output<typeof listingPageSchema>;

/** Chinese, one line: '字段：原因；字段：原因'. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const field = issue.path.map(String).join('.');
      return field === '' ? issue.message : `${field}：${issue.message}`;
    })
    .join('；');
}
