/**
 * 国民经济行业分类 GB/T 4754-2017, all four levels: 门类 (section, A–T), 大类 (division, 2 digits),
 * 中类 (group, 3 digits), 小类 (class, 4 digits). Data: data/industries-gb4754-2017.json.
 */
import { z } from 'zod';
import snapshotJson from '../data/industries-gb4754-2017.json' with { type: 'json' };
import { normalizeCodeInput } from './code-input.ts';

export type IndustryLevel = 'section' | 'division' | 'group' | 'class';

export interface Industry {
  readonly code: string;
  readonly name: string;
  readonly level: IndustryLevel;
  readonly parentCode: string | null;
}

const industrySnapshotSchema = z.object({
  standard: z.string(),
  version: z.string(),
  source: z.string(),
  industries: z.array(
    z.object({
      code: z.string().regex(/^([A-T]|\d{2,4})$/),
      name: z.string().min(1),
      level: z.enum(['section', 'division', 'group', 'class']),
      parentCode: z.string().nullable(),
    }),
  ),
});

const snapshot = industrySnapshotSchema.parse(snapshotJson);

export const INDUSTRY_CLASSIFICATION_VERSION: string = snapshot.version;
export const INDUSTRY_SNAPSHOT_SOURCE: string = snapshot.source;
export const ALL_INDUSTRIES: readonly Industry[] = snapshot.industries;

const byCode = new Map(ALL_INDUSTRIES.map((i) => [i.code, i]));
const childrenByParent = new Map<string, Industry[]>();
for (const i of ALL_INDUSTRIES) {
  if (i.parentCode === null) continue;
  const list = childrenByParent.get(i.parentCode) ?? [];
  list.push(i);
  childrenByParent.set(i.parentCode, list);
}

/**
 * Canonical code for lookups: normalised, and a section-letter prefix such as "I6513" is accepted
 * when the letter is the code's own section.
 */
function canonicalIndustryCode(input: string): string | undefined {
  const s = normalizeCodeInput(input);
  const prefixed = /^([A-T])(\d{2,4})$/.exec(s);
  if (prefixed === null) return s;
  const [, letter, digits = ''] = prefixed;
  return industrySectionOf(digits)?.code === letter ? digits : undefined;
}

function industrySectionOf(code: string): Industry | undefined {
  let current = byCode.get(code);
  while (current !== undefined && current.parentCode !== null) {
    current = byCode.get(current.parentCode);
  }
  return current;
}

/** Looks up a 门类 letter or a 2–4 digit code (optionally prefixed by its section letter). */
export function findIndustry(code: string): Industry | undefined {
  const canonical = canonicalIndustryCode(code);
  return canonical === undefined ? undefined : byCode.get(canonical);
}

/** The 门类 (section) of any code, e.g. "6513" → I 信息传输、软件和信息技术服务业. */
export function industrySection(code: string): Industry | undefined {
  const industry = findIndustry(code);
  return industry === undefined ? undefined : industrySectionOf(industry.code);
}

/** Section → division → group → class down to the given code; empty for unknown codes. */
export function industryPath(code: string): readonly Industry[] {
  const path: Industry[] = [];
  let current = findIndustry(code);
  while (current !== undefined) {
    path.unshift(current);
    current = current.parentCode === null ? undefined : byCode.get(current.parentCode);
  }
  return path;
}

/** Direct children in standard order (sections: pass the letter). */
export function industriesUnder(code: string): readonly Industry[] {
  const industry = findIndustry(code);
  return industry === undefined ? [] : (childrenByParent.get(industry.code) ?? []);
}

/** zod: a known GB/T 4754-2017 code of any level; outputs the canonical code. */
export const industryCodeSchema = z.string().transform((input, ctx): string => {
  const industry = findIndustry(input);
  if (industry === undefined) {
    ctx.addIssue({
      code: 'custom',
      message: `行业代码“${normalizeCodeInput(input)}”不在 GB/T 4754-2017 国民经济行业分类中`,
      input,
    });
    return z.NEVER;
  }
  return industry.code;
});
