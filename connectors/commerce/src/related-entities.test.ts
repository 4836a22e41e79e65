import { describe, expect, it } from 'vitest';
import { RELATED_ENTITIES, judgeRelatedRecord, quarantineWithParent } from './related-entities.ts';
import type { RelatedEntity } from './related-entities.ts';
import { COMMERCE_RELATED_COLUMNS } from './type-mapping.ts';

const USCC = '91640104MA76Q1K2X2';

function entity(name: string): RelatedEntity {
  const found = RELATED_ENTITIES.find((e) => e.entity === name);
  if (found === undefined) throw new Error(`no related entity ${name}`);
  return found;
}

describe('related entities: vendor record → raw row', () => {
  it.each([
    [
      'shareholders',
      {
        shareholderName: ' 银川贺兰新材料有限公司 ',
        shareholderType: '企业法人',
        shareholderCreditCode: '９１640122ma77b3c4d9',
        shareholderIdMasked: null,
        stakePercent: 25.5,
        subscribedCapitalFen: 125_000_000,
      },
      {
        uscc: USCC,
        shareholder_name: '银川贺兰新材料有限公司',
        shareholder_type: '企业法人',
        shareholder_uscc: '91640122MA77B3C4D9',
        shareholder_id_masked: null,
        stake_percent: 25.5,
        subscribed_capital_fen: 125_000_000,
      },
    ],
    [
      'executives',
      { name: '马丽', position: '监事' },
      { uscc: USCC, person_name: '马丽', position: '监事' },
    ],
    [
      'changes',
      {
        changeDate: '2022-04-18 00:00:00',
        changeItem: '注册资本变更',
        beforeContent: '',
        afterContent: '500万人民币',
      },
      {
        uscc: USCC,
        change_date: '2022-04-18',
        change_item: '注册资本变更',
        before_content: null,
        after_content: '500万人民币',
      },
    ],
    [
      'penalties',
      {
        decisionNo: '贺市监罚〔2024〕15号',
        decisionDate: '2024-06-20',
        authority: '贺兰县市场监督管理局',
        content: '未公示年报',
      },
      {
        uscc: USCC,
        decision_no: '贺市监罚〔2024〕15号',
        decision_date: '2024-06-20',
        authority: '贺兰县市场监督管理局',
        content: '未公示年报',
        amount_fen: null,
      },
    ],
    [
      'abnormal_operations',
      { listedDate: '2024-07-01', listedReason: '未报送年度报告', removedDate: null },
      {
        uscc: USCC,
        listed_date: '2024-07-01',
        listed_reason: '未报送年度报告',
        removed_date: null,
      },
    ],
    [
      'court_cases',
      {
        caseNo: '（2024）宁0104民初1234号',
        filingDate: '2024-09-12',
        caseType: '买卖合同纠纷',
        role: '原告',
        amountFen: 8_800_000,
      },
      {
        uscc: USCC,
        case_no: '（2024）宁0104民初1234号',
        filing_date: '2024-09-12',
        case_type: '买卖合同纠纷',
        role: '原告',
        amount_fen: 8_800_000,
      },
    ],
    [
      'enforcements',
      {
        caseNo: '（2024）宁0122执321号',
        filingDate: '2024-03-15',
        amountFen: 150_000_000,
        isDishonest: true,
        court: '贺兰县人民法院',
      },
      {
        uscc: USCC,
        case_no: '（2024）宁0122执321号',
        filing_date: '2024-03-15',
        amount_fen: 150_000_000,
        is_dishonest: true,
        court: '贺兰县人民法院',
      },
    ],
    [
      'annual_reports',
      {
        reportYear: 2023,
        reportDate: '2024-08-15',
        submitMethod: '纸质申报',
        disclosure: '企业选择不公示',
        employeeCount: null,
      },
      {
        uscc: USCC,
        report_year: 2023,
        report_date: '2024-08-15',
        submit_method: '纸质申报',
        disclosure: '企业选择不公示',
        employee_count: null,
        operating_revenue_fen: null,
        total_assets_fen: null,
      },
    ],
  ])('maps %s onto its raw columns, in order', (name, record, row) => {
    const verdict = judgeRelatedRecord(entity(name), USCC, record);
    expect(verdict.ok).toBe(true);
    if (!verdict.ok) return;
    const parsed = JSON.parse(verdict.line) as Record<string, unknown>;
    expect(parsed).toEqual(row);
    expect(Object.keys(parsed)).toEqual(
      COMMERCE_RELATED_COLUMNS[entity(name).entity].map((c) => c.name),
    );
  });

  it.each([
    [
      'a missing decision number',
      'penalties',
      { decisionDate: '2024-06-20' },
      '行政处罚：decisionNo：缺少处罚决定书文号',
    ],
    [
      'an impossible filing date',
      'court_cases',
      { caseNo: 'X', filingDate: '2024-02-30' },
      '司法案件：filingDate：立案日期不是有效日期',
    ],
    [
      'a missing listing date',
      'abnormal_operations',
      { listedReason: '无法联系' },
      '经营异常：listedDate：缺少列入日期',
    ],
    [
      'a stake over 100%',
      'shareholders',
      { shareholderName: '甲', stakePercent: 120 },
      '股东：stakePercent：持股比例应在0至100之间',
    ],
    [
      'an amount in yuan text',
      'enforcements',
      { caseNo: 'X', filingDate: '2024-01-01', amountFen: '85万' },
      '被执行信息：amountFen：执行标的应为整数（分）',
    ],
    [
      'a flag as text',
      'enforcements',
      { caseNo: 'X', filingDate: '2024-01-01', isDishonest: '是' },
      '被执行信息：isDishonest：是否失信应为布尔值',
    ],
    [
      'a negative headcount',
      'annual_reports',
      { reportYear: 2023, reportDate: '2024-05-01', employeeCount: -3 },
      '企业年报：employeeCount：从业人数不能为负数',
    ],
    ['not an object', 'executives', ['马丽'], '主要人员记录不是 JSON 对象'],
  ])(
    'quarantines %s with a Chinese reason and the enterprise code',
    (_name, name, record, reason) => {
      const verdict = judgeRelatedRecord(entity(name), USCC, record);
      expect(verdict.ok).toBe(false);
      if (verdict.ok) return;
      expect(verdict.quarantined.reason).toBe(reason);
      expect(JSON.parse(verdict.quarantined.record)).toMatchObject({ creditCode: USCC });
    },
  );

  it('keys duplicates by the natural key where there is one, else by the whole row', () => {
    const penalties = entity('penalties');
    const a = judgeRelatedRecord(penalties, USCC, {
      decisionNo: 'N1',
      decisionDate: '2024-01-01',
      content: 'a',
    });
    const b = judgeRelatedRecord(penalties, USCC, {
      decisionNo: 'N1',
      decisionDate: '2024-02-01',
      content: 'b',
    });
    const executives = entity('executives');
    const c = judgeRelatedRecord(executives, USCC, { name: '马丽', position: '监事' });
    const d = judgeRelatedRecord(executives, USCC, { name: '马丽', position: '财务负责人' });
    expect(a.ok && b.ok && a.key === b.key).toBe(true);
    expect(c.ok && d.ok && c.key !== d.key).toBe(true);
  });

  it('quarantines the records of a quarantined enterprise with it', () => {
    const q = quarantineWithParent(entity('penalties'), USCC, { decisionNo: 'N1' }, '校验位错误');
    expect(q).toMatchObject({
      reasonCode: 'parent_quarantined',
      reason: '所属企业记录已隔离（校验位错误），其行政处罚记录一并隔离',
    });
  });
});
