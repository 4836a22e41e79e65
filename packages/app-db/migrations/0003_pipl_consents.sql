-- 0003 PIPL consents: each purpose consented separately (个人信息保护法 第14、23、29条; 征信业管理条例
-- 第18条), against a versioned consent text, withdrawable (第15条). A withdrawal ends the row; a new
-- consent is a new row, so the history stays.
-- Runs inside one transaction opened by the migrator: no BEGIN/COMMIT here.

create table app.pipl_consents (
  consent_id bigint generated always as identity primary key,
  user_id text not null references "user" ("id") on delete restrict,
  purpose text not null check (purpose in ('credit_query', 'share_with_banks', 'share_with_reguarantors')),
  -- The named recipient (a bank, a re-guarantor); '' for a credit query.
  recipient text not null default '',
  document_version text not null check (length(document_version) > 0),
  granted_at timestamptz not null default now(),
  withdrawn_at timestamptz,
  check (withdrawn_at is null or withdrawn_at >= granted_at),
  check ((purpose = 'credit_query') = (recipient = ''))
);
comment on table app.pipl_consents is '个人信息单独同意：征信查询、向银行提供、向再担保机构提供；按文本版本记录，可撤回';
create unique index pipl_consents_active_idx on app.pipl_consents (user_id, purpose, recipient)
  where withdrawn_at is null;
