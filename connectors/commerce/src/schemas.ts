/**
 * zod schemas of the commerce-data vendor's wire format: the response envelope, the enterprise
 * record (listing and detail), search summaries and the page shapes. Messages are Chinese: they
 * become quarantine reasons that data engineers read in the console.
 */
import { normalizeCodeInput, usccSchema } from '@sg/domain';
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

/** A field only some vendors send: missing, null and blank all become undefined (left out). */
function profileText(label: string) {
  return z
    .string({ error: `${label}应为文本` })
    .trim()
    .nullish()
    .transform((value) => (value === null || value === '' ? undefined : value));
}

function isCalendarDate(isoDate: string): boolean {
  const ms = Date.parse(`${isoDate}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === isoDate;
}

/** 'YYYY-MM-DD' (a time part '00:00:00' some vendors append is dropped); blank → null. */
function optionalDate(label: string) {
  return optionalText(label).pipe(
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2})?$/, {
        error: `${label}格式应为 yyyy-MM-dd`,
      })
      .transform((text) => text.slice(0, 10))
      .refine(isCalendarDate, { error: `${label}不是有效日期` })
      .nullable(),
  );
}

/** Like optionalDate, but missing or blank is an error. */
function requiredDate(label: string) {
  return optionalDate(label).refine((value) => value !== null, { error: `缺少${label}` });
}

const establishDateSchema = optionalDate('成立日期');

/** Integer fen, ≥ 0; missing → null. */
function optionalFen(label: string) {
  return z
    .int({ error: `${label}应为整数（分）` })
    .min(0, { error: `${label}不能为负数` })
    .max(Number.MAX_SAFE_INTEGER, { error: `${label}超出范围` })
    .nullish()
    .transform((value) => value ?? null);
}

/** 'YYYY-MM-DD HH:mm:ss', Beijing time. */
export const updateTimeSchema = requiredText('更新时间')
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
  /** Vendors that carry them (the world-backed simulator does): 企业|个体工商户|农民专业合作社. */
  entityType: profileText('市场主体类型'),
  address: profileText('住所'),
  phone: profileText('联系电话'),
  businessScope: profileText('经营范围'),
});
export type VendorEnterprise = z.output<typeof vendorEnterpriseSchema>;

// The related lists (/v1/enterprises/{code}/<list>): the path carries the enterprise's code, the
// records do not. One schema per list; type-mapping.ts maps the fields to raw columns.

export const vendorShareholderSchema = z.object({
  shareholderName: requiredText('股东名称'),
  shareholderType: optionalText('股东类型'),
  /** Companies: their USCC, normalised (not checked here: a shareholder is not the subject). */
  shareholderCreditCode: optionalText('股东统一社会信用代码').transform((value) =>
    value === null ? null : normalizeCodeInput(value),
  ),
  shareholderIdMasked: optionalText('股东证件号（脱敏）'),
  stakePercent: z
    .number({ error: '持股比例应为数字' })
    .min(0, { error: '持股比例应在0至100之间' })
    .max(100, { error: '持股比例应在0至100之间' })
    .nullish()
    .transform((value) => value ?? null),
  subscribedCapitalFen: optionalFen('认缴出资额'),
});

export const vendorExecutiveSchema = z.object({
  name: requiredText('人员姓名'),
  position: optionalText('职务'),
});

export const vendorChangeRecordSchema = z.object({
  changeDate: requiredDate('变更日期'),
  changeItem: requiredText('变更事项'),
  beforeContent: optionalText('变更前内容'),
  afterContent: optionalText('变更后内容'),
});

export const vendorPenaltySchema = z.object({
  decisionNo: requiredText('处罚决定书文号'),
  decisionDate: requiredDate('处罚决定日期'),
  authority: optionalText('处罚机关'),
  content: optionalText('处罚内容'),
  amountFen: optionalFen('罚没金额'),
});

export const vendorAbnormalOperationSchema = z.object({
  listedDate: requiredDate('列入日期'),
  listedReason: optionalText('列入原因'),
  removedDate: optionalDate('移出日期'),
});

export const vendorCourtCaseSchema = z.object({
  caseNo: requiredText('案号'),
  filingDate: requiredDate('立案日期'),
  caseType: optionalText('案由'),
  role: optionalText('诉讼地位'),
  amountFen: optionalFen('涉案金额'),
});

export const vendorEnforcementSchema = z.object({
  caseNo: requiredText('执行案号'),
  filingDate: requiredDate('立案日期'),
  amountFen: optionalFen('执行标的'),
  isDishonest: z
    .boolean({ error: '是否失信应为布尔值' })
    .nullish()
    .transform((value) => value ?? null),
  court: optionalText('执行法院'),
});

/** 企业年报: one business year's report; figures are null when the filer keeps them private. */
export const vendorAnnualReportSchema = z.object({
  reportYear: z
    .int({ error: '年报年度应为整数' })
    .min(1990, { error: '年报年度超出范围' })
    .max(2100, { error: '年报年度超出范围' }),
  reportDate: requiredDate('年报报送日期'),
  submitMethod: optionalText('报送方式'),
  disclosure: optionalText('公示状态'),
  employeeCount: z
    .int({ error: '从业人数应为整数' })
    .min(0, { error: '从业人数不能为负数' })
    .nullish()
    .transform((value) => value ?? null),
  operatingRevenueFen: optionalFen('营业总收入'),
  totalAssetsFen: optionalFen('资产总额'),
});

/** A related list page (`/v1/enterprises/{code}/<list>`); items are validated one by one. */
export const relatedPageSchema = z.object({
  total: z.int().min(0),
  page: z.int().min(1),
  pageSize: z.int().min(1),
  items: z.array(z.unknown()),
});
export type RelatedPage = z.output<typeof relatedPageSchema>;

/** One change-feed page (`/v1/changes`): resume from `cursor`; more pages while `hasMore`. */
export const changeFeedPageSchema = z.object({
  items: z.array(z.object({ creditCode: z.string().min(1), changeTime: z.string().min(1) })),
  cursor: z.string().min(1),
  hasMore: z.boolean(),
});
export type ChangeFeedPage = z.output<typeof changeFeedPageSchema>;

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
