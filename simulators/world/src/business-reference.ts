/**
 * The legacy system's reference tables: the code dictionary (sys_dict: dict type, code, label),
 * the organisation (sys_org_unit: 总部, 分支机构, 部门), its users (sys_user, officers referenced by
 * user id) and the product catalogue (t_product). Written once per world.
 */
import { OFFICERS } from './guarantee-book.ts';
import { PRODUCTS, REPAYMENT_TYPE_LABELS } from './guarantee-products.ts';
import type { RiskWeightClass } from './guarantee-products.ts';
import { TEXT_CODE_DICTIONARIES } from './legacy-text-codes.ts';
import type { WorldContext } from './world-context.ts';

export type OrgType = 'head_office' | 'branch' | 'department';

export interface OrgUnit {
  readonly orgId: string;
  readonly name: string;
  readonly type: OrgType;
  readonly parentId: string | null;
}

export const ORG_UNITS: readonly OrgUnit[] = [
  { orgId: 'O0001', name: '宁夏某融资担保有限公司', type: 'head_office', parentId: null },
  { orgId: 'O0002', name: '银川分公司', type: 'branch', parentId: 'O0001' },
  { orgId: 'O0003', name: '吴忠分公司', type: 'branch', parentId: 'O0001' },
  { orgId: 'O0004', name: '业务一部', type: 'department', parentId: 'O0002' },
  { orgId: 'O0005', name: '业务二部', type: 'department', parentId: 'O0003' },
  { orgId: 'O0006', name: '风险管理部', type: 'department', parentId: 'O0001' },
  { orgId: 'O0007', name: '总经理办公室', type: 'department', parentId: 'O0001' },
];

export type UserRole = 'project_manager' | 'committee_member' | 'approver';

export interface LegacyUser {
  readonly userId: string;
  readonly name: string;
  readonly orgId: string;
  readonly role: UserRole;
}

const COMMITTEE = ['周涛', '孙丽', '何军', '高峰', '罗静'];

/** Project managers (one per name in OFFICERS), the review committee and the approver. */
export const USERS: readonly LegacyUser[] = [
  ...OFFICERS.map((name, i) => ({
    userId: `U${String(i + 1).padStart(4, '0')}`,
    name,
    orgId: i % 2 === 0 ? 'O0004' : 'O0005',
    role: 'project_manager' as const,
  })),
  ...COMMITTEE.map((name, i) => ({
    userId: `U${String(101 + i).padStart(4, '0')}`,
    name,
    orgId: 'O0006',
    role: 'committee_member' as const,
  })),
  { userId: 'U0201', name: '马建国', orgId: 'O0007', role: 'approver' },
];

export function userIdOf(name: string): string {
  const user = USERS.find((candidate) => candidate.name === name);
  if (user === undefined) throw new Error(`no legacy user named ${name}`);
  return user.userId;
}

export const COMMITTEE_USERS = USERS.filter((user) => user.role === 'committee_member');
export const PROJECT_MANAGERS = USERS.filter((user) => user.role === 'project_manager');
export const APPROVER = USERS.find((user) => user.role === 'approver') ?? USERS[0];

const RISK_WEIGHT_LABELS: Readonly<Record<RiskWeightClass, string>> = {
  loan_small_micro: '借款类-小微企业单户≤500万（75%）',
  loan_farmer: '借款类-农户单户≤200万（75%）',
  loan_housing: '借款类-住房置业（30%）',
  loan_other: '借款类-其他（100%）',
  bond_aa: '发行债券-AA级以上（80%）',
  bond_other: '发行债券-其他（100%）',
  other_financing: '其他融资担保（100%）',
  non_financing: '非融资担保（不计）',
};

/** Every dictionary: dict type → code → Chinese label. */
export const DICTIONARIES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  repayment_type: REPAYMENT_TYPE_LABELS,
  risk_weight_class: RISK_WEIGHT_LABELS,
  product_type: { loan: '借款类', housing: '住房置业', bond: '债券发行', non_financing: '非融资' },
  org_type: { head_office: '总部', branch: '分支机构', department: '部门' },
  user_role: { project_manager: '项目经理', committee_member: '评审委员', approver: '审批人' },
  approval_step: {
    investigate_a: 'A角调查',
    investigate_b: 'B角调查',
    committee_vote: '评审会表决',
    committee_result: '评审会结论',
    approve: '审批人决定',
  },
  approval_opinion: {
    agree: '同意',
    disagree: '不同意',
    reconsider: '续议',
    veto: '一票否决',
  },
  ...TEXT_CODE_DICTIONARIES,
};

export const PRODUCT_TYPE_CODES = {
  借款类: 'loan',
  住房置业: 'housing',
  债券发行: 'bond',
  非融资: 'non_financing',
} as const;

export function writeBusinessReference(context: WorldContext): void {
  const files = context.files;
  for (const [dictType, entries] of Object.entries(DICTIONARIES)) {
    for (const [code, label] of Object.entries(entries)) {
      files.write('sources/business/sys_dict.ndjson', {
        dict_id: `${dictType}:${code}`,
        dict_type: dictType,
        code,
        label,
      });
    }
  }
  for (const unit of ORG_UNITS) {
    files.write('sources/business/sys_org_unit.ndjson', {
      org_id: unit.orgId,
      org_name: unit.name,
      org_type: unit.type,
      parent_org_id: unit.parentId,
    });
  }
  for (const user of USERS) {
    files.write('sources/business/sys_user.ndjson', {
      user_id: user.userId,
      user_name: user.name,
      org_id: user.orgId,
      role: user.role,
    });
  }
  for (const product of PRODUCTS) {
    files.write('sources/business/t_product.ndjson', {
      product_code: product.code,
      product_name: product.name,
      product_type: PRODUCT_TYPE_CODES[product.productType],
      risk_weight_class: product.riskWeightClass,
      is_agricultural: product.agricultural ? 1 : 0,
      is_small_micro_agri: product.smallMicroAgri ? 1 : 0,
      is_policy: product.policy ? 1 : 0,
    });
  }
}
