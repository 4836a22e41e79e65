import { describe, expect, it } from 'vitest';
import { CLASSIFICATIONS, maskField, type FieldClassification } from './masking.ts';

const C1_OPENING_BRANCH: FieldClassification = { sensitivity: 'C1', kind: 'other' };

const CASES: readonly [string, FieldClassification, string, string][] = [
  ['resident ID', CLASSIFICATIONS.idNumber, '640104199001011234', '640***********1234'],
  ['resident ID ending in X', CLASSIFICATIONS.idNumber, '64010419900101123X', '640***********123X'],
  ['mobile', CLASSIFICATIONS.phone, '13912345678', '139****5678'],
  ['bank card', CLASSIFICATIONS.bankCard, '6222021234567890123', '622202*********0123'],
  ['bank card with spaces', CLASSIFICATIONS.bankCard, '6222 0212 3456 7890', '622202******7890'],
  ['two-character name', CLASSIFICATIONS.personName, '张三', '张*'],
  ['three-character name', CLASSIFICATIONS.personName, '马小花', '马**'],
  ['compound surname', CLASSIFICATIONS.personName, '欧阳娜娜', '欧阳**'],
  [
    'address with a house number',
    CLASSIFICATIONS.address,
    '宁夏银川市兴庆区解放西街18号',
    '宁夏银川市兴庆区解放西街***',
  ],
  ['short value masked whole', CLASSIFICATIONS.phone, '110', '***'],
  ['C3 password', CLASSIFICATIONS.password, 'hunter2', '******'],
  ['C1 shown as is', C1_OPENING_BRANCH, '银川分公司', '银川分公司'],
];

describe('maskField for a role without entitlement', () => {
  it.each(CASES)('%s', (_name, classification, value, masked) => {
    expect(maskField(classification, value, 'masked')).toBe(masked);
  });
});

describe('maskField for an entitled role', () => {
  it.each(CASES)('%s: C2 shown, C3 still hidden', (_name, classification, value) => {
    const expected = classification.sensitivity === 'C3' ? '******' : value;
    expect(maskField(classification, value, 'full')).toBe(expected);
  });
});
