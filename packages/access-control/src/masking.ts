// The one masking function for personal financial information (JR/T 0171-2020): C1 shown as is,
// C2 masked unless the viewer is entitled (and then the caller audits the unmasking), C3 never shown.

export type Sensitivity = 'C1' | 'C2' | 'C3';

export type FieldKind = 'id_number' | 'phone' | 'bank_card' | 'name' | 'address' | 'other';

export interface FieldClassification {
  readonly sensitivity: Sensitivity;
  readonly kind: FieldKind;
}

/** `full`: the viewer holds `pii.unmask` for this record; `masked`: everyone else. */
export type Entitlement = 'full' | 'masked';

const STAR = '*';

/** Keeps `head` leading and `tail` trailing characters, stars between; short values all stars. */
function keepEnds(value: string, head: number, tail: number): string {
  const chars = Array.from(value); // code points: each CJK character is one
  if (chars.length <= head + tail) return STAR.repeat(chars.length);
  return (
    chars.slice(0, head).join('') +
    STAR.repeat(chars.length - head - tail) +
    chars.slice(chars.length - tail).join('')
  );
}

/** 张三 → 张*, 欧阳娜娜 → 欧阳**; a two-character compound surname is kept when the name has ≥ 4. */
function maskName(value: string): string {
  const chars = Array.from(value.trim());
  if (chars.length <= 1) return STAR.repeat(chars.length);
  const surname = chars.length >= 4 ? 2 : 1;
  return chars.slice(0, surname).join('') + STAR.repeat(chars.length - surname);
}

/** Masks the house number: every digit after the last administrative or street word. */
function maskAddress(value: string): string {
  const cut = Math.max(
    ...['省', '市', '区', '县', '镇', '乡', '街', '路', '道', '村'].map((word) =>
      value.lastIndexOf(word),
    ),
  );
  if (cut < 0) return keepEnds(value, Math.min(6, Math.floor(value.length / 2)), 0);
  return value.slice(0, cut + 1) + STAR.repeat(Array.from(value.slice(cut + 1)).length);
}

export function maskField(
  classification: FieldClassification,
  value: string,
  entitlement: Entitlement,
): string {
  if (classification.sensitivity === 'C1') return value;
  if (classification.sensitivity === 'C3') return '******';
  if (entitlement === 'full') return value;
  switch (classification.kind) {
    case 'id_number':
      return keepEnds(value, 3, 4);
    case 'phone':
      return keepEnds(value, 3, 4);
    case 'bank_card':
      return keepEnds(value.replace(/\s+/g, ''), 6, 4);
    case 'name':
      return maskName(value);
    case 'address':
      return maskAddress(value);
    case 'other':
      return keepEnds(value, 1, 1);
  }
}

/** The usual classifications of the fields the masking rules name. */
export const CLASSIFICATIONS = {
  idNumber: { sensitivity: 'C2', kind: 'id_number' },
  phone: { sensitivity: 'C2', kind: 'phone' },
  bankCard: { sensitivity: 'C2', kind: 'bank_card' },
  personName: { sensitivity: 'C2', kind: 'name' },
  address: { sensitivity: 'C2', kind: 'address' },
  password: { sensitivity: 'C3', kind: 'other' },
} as const satisfies Readonly<Record<string, FieldClassification>>;
