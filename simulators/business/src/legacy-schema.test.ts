import { describe, expect, it } from 'vitest';
import { LEGACY_TABLES, findLegacyTable, legacySchemaDdl, tableDdl } from './legacy-schema.ts';

const WORLD_TABLES = [
  't_bank_partner',
  'sys_dict',
  'sys_org_unit',
  'sys_user',
  't_product',
  't_customer',
  't_application',
  't_project',
  't_approval_log',
  't_guarantee_contract',
  't_counter_guarantee',
  't_fee',
  't_loan',
  't_repayment',
  't_post_check',
  't_risk_class',
  't_compensation',
  't_recovery',
  't_release',
  't_risk_share',
  't_collateral_registration',
  't_compensation_claim',
  't_write_off',
  't_deposit_refund',
  't_credit_report_guarantee',
  't_bank_credit_line',
  't_customer_credit_line',
  't_related_party',
];

describe('legacy schema', () => {
  it('declares every table of the world contract, keyed by its first column', () => {
    expect(LEGACY_TABLES.map((t) => t.name)).toEqual(WORLD_TABLES);
    expect(findLegacyTable('t_guarantee_contract').key).toBe('contract_no');
  });

  it.each([
    {
      dialect: 'postgres' as const,
      create:
        'CREATE TABLE "t_application" ("application_id" VARCHAR(32) NOT NULL, "customer_id" VARCHAR(32), ' +
        '"applied_at" TIMESTAMP(0) WITHOUT TIME ZONE, "amount" DECIMAL(18,2), "term_months" INTEGER, ' +
        '"purpose" VARCHAR(500), "channel" VARCHAR(32), "status" VARCHAR(16), ' +
        '"updated_at" TIMESTAMP(0) WITHOUT TIME ZONE NOT NULL, PRIMARY KEY ("application_id"))',
      index: 'CREATE INDEX "ix_t_application_updated_at" ON "t_application" ("updated_at")',
    },
    {
      dialect: 'mariadb' as const,
      create:
        'CREATE TABLE `t_application` (`application_id` VARCHAR(32) NOT NULL, `customer_id` VARCHAR(32), ' +
        '`applied_at` DATETIME, `amount` DECIMAL(18,2), `term_months` INT, `purpose` VARCHAR(500), ' +
        '`channel` VARCHAR(32), `status` VARCHAR(16), `updated_at` DATETIME NOT NULL, ' +
        'PRIMARY KEY (`application_id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4',
      index: 'CREATE INDEX `ix_t_application_updated_at` ON `t_application` (`updated_at`)',
    },
  ])('renders legacy types for $dialect: yuan DECIMAL(18,2), DATETIME, indexed updated_at', (c) => {
    expect(tableDdl(c.dialect, findLegacyTable('t_application'))).toEqual([c.create, c.index]);
  });

  it('gives tables without updated_at no index', () => {
    expect(tableDdl('postgres', findLegacyTable('t_fee'))).toHaveLength(1);
    const withIndex = LEGACY_TABLES.filter((t) => t.hasUpdatedAt).length;
    expect(legacySchemaDdl('mariadb')).toHaveLength(LEGACY_TABLES.length + withIndex);
  });
});
