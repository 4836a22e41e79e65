/**
 * How the vendor renders an enterprise on the wire. Field names, Beijing-time strings and the
 * "500万人民币" capital text follow the style of Chinese enterprise-data vendors, so the connector
 * has real mapping work to do (parse capital text into fen, local time into UTC).
 */
import { epochSecondsToBeijing } from '@sg/simulator-kit';
import type { CommerceEnterprise } from './enterprise-generator.ts';

/** Detail and listing record. */
export interface VendorEnterprise {
  readonly creditCode: string;
  readonly name: string;
  readonly legalPersonName: string;
  readonly regStatus: string;
  /** e.g. '500万人民币', '123.45万人民币'. */
  readonly regCapital: string;
  /** 'YYYY-MM-DD'. */
  readonly establishDate: string;
  /** GB/T 2260 code of the registering authority. */
  readonly areaCode: string;
  /** GB/T 4754-2017 小类 code. */
  readonly industryCode: string;
  /** 'YYYY-MM-DD HH:mm:ss', Beijing time. */
  readonly updateTime: string;
  /** World-backed only (the built-in generator has no such fields): 企业|个体工商户|农民专业合作社. */
  readonly entityType?: string | null;
  readonly address?: string | null;
  readonly phone?: string | null;
  readonly businessScope?: string | null;
}

/** Search result item: a summary, as vendors return from their search endpoints. */
export interface VendorEnterpriseSummary {
  readonly creditCode: string;
  readonly name: string;
  readonly legalPersonName: string;
  readonly regStatus: string;
  readonly establishDate: string;
}

const FEN_PER_WAN = 1_000_000;

/** 50_000_000 fen → '50万人民币'; 1_234_500_000 → '1234.5万人民币'. */
export function formatCapitalText(fen: number): string {
  const whole = Math.floor(fen / FEN_PER_WAN);
  const fraction = String(fen % FEN_PER_WAN)
    .padStart(6, '0')
    .replace(/0+$/, '');
  return `${whole}${fraction === '' ? '' : `.${fraction}`}万人民币`;
}

export function toVendorEnterprise(enterprise: CommerceEnterprise): VendorEnterprise {
  return {
    creditCode: enterprise.uscc,
    name: enterprise.enterpriseName,
    legalPersonName: enterprise.legalRepresentative,
    regStatus: enterprise.registrationStatus,
    regCapital: formatCapitalText(enterprise.registeredCapitalFen),
    establishDate: enterprise.establishedDate,
    areaCode: enterprise.regionCode,
    industryCode: enterprise.industryCode,
    updateTime: epochSecondsToBeijing(Date.parse(enterprise.updatedAt) / 1000),
  };
}

export function toVendorSummary(enterprise: CommerceEnterprise): VendorEnterpriseSummary {
  return {
    creditCode: enterprise.uscc,
    name: enterprise.enterpriseName,
    legalPersonName: enterprise.legalRepresentative,
    regStatus: enterprise.registrationStatus,
    establishDate: enterprise.establishedDate,
  };
}
