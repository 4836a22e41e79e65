/**
 * How the sources disagree: name variants, full-width digits in codes, missing optional fields,
 * invalid codes, late updates. Each subject draws its perturbations from its own stream; every
 * perturbed record is logged to ground-truth/perturbations.ndjson (source, file, key, kind).
 */
import { STREAM, streamFor } from './subjects.ts';
import type { Subject } from './subjects.ts';

export type PerturbationKind =
  'name_variant' | 'full_width_code' | 'invalid_code' | 'missing_field' | 'late_update';

export interface SubjectPerturbations {
  readonly businessNameVariant: boolean;
  readonly businessFullWidthUscc: boolean;
  readonly businessInvalidUscc: boolean;
  readonly businessMissingPhone: boolean;
  readonly taxNameVariant: boolean;
  /** The subject changed its name recently; tax still has the old one. */
  readonly taxLateRename: boolean;
  readonly commerceMissingAddress: boolean;
  readonly bankInvalidUscc: boolean;
}

const NONE: SubjectPerturbations = {
  businessNameVariant: false,
  businessFullWidthUscc: false,
  businessInvalidUscc: false,
  businessMissingPhone: false,
  taxNameVariant: false,
  taxLateRename: false,
  commerceMissingAddress: false,
  bankInvalidUscc: false,
};

/** `protectedKeys`: pattern members keep clean codes so their links stay joinable. */
export function perturbationsOf(
  subject: Subject,
  seed: number,
  protectedKeys: ReadonlySet<string>,
): SubjectPerturbations {
  if (subject.uscc === null) return NONE;
  const random = streamFor(seed, STREAM.perturbation, subject.index);
  const isProtected = protectedKeys.has(subject.key);
  const roll = random.next();
  return {
    businessNameVariant: random.chance(0.05),
    businessFullWidthUscc: roll < 0.02,
    businessInvalidUscc: !isProtected && roll >= 0.02 && roll < 0.027,
    businessMissingPhone: random.chance(0.03),
    taxNameVariant: random.chance(0.04),
    taxLateRename: subject.kind === 'enterprise' && random.chance(0.02),
    commerceMissingAddress: random.chance(0.02),
    bankInvalidUscc: !isProtected && random.chance(0.005),
  };
}

/** 全角 digits and letters. */
export function toFullWidth(code: string): string {
  return code.replace(/[0-9A-Z]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
}

/** A USCC with a wrong check character (fails validation). */
export function withWrongCheckChar(uscc: string): string {
  const last = uscc.slice(-1);
  return uscc.slice(0, -1) + (last === '0' ? '1' : '0');
}

/** The variants real systems produce: parentheses width swapped, or the 宁夏 prefix dropped. */
export function nameVariant(name: string): string {
  if (name.includes('（')) return name.replaceAll('（', '(').replaceAll('）', ')');
  if (name.startsWith('宁夏') && name.length > 6) return name.slice(2);
  if (name.endsWith('有限公司')) return `${name.slice(0, -4)}（有限公司）`;
  return `${name} `;
}

/** The name a recently renamed enterprise had before. */
export function formerName(name: string): string {
  return name.endsWith('有限责任公司')
    ? `${name.slice(0, -6)}有限公司`
    : name.replace(/有限公司$/, '有限责任公司');
}
