-- 0001 app foundation: the `app` schema, the audit trail and minimal users/roles.
-- Runs inside one transaction opened by the migrator: no BEGIN/COMMIT here.

create schema if not exists app;
comment on schema app is '智慧担保应用库：业务应用写入的操作数据';

create table app.audit_events (
  audit_event_id bigint generated always as identity primary key,
  occurred_at timestamptz not null default now(),
  actor text not null check (length(actor) > 0),
  action text not null check (length(action) > 0),
  subject text not null,
  detail jsonb not null default '{}'::jsonb check (jsonb_typeof(detail) = 'object')
);
comment on table app.audit_events is '审计事件：谁（actor）在何时对什么（subject）做了什么（action），只追加不修改';
create index audit_events_occurred_at_idx on app.audit_events (occurred_at);
create index audit_events_subject_idx on app.audit_events (subject, occurred_at);

create table app.users (
  user_id bigint generated always as identity primary key,
  login text not null unique check (login ~ '^[a-z0-9][a-z0-9._-]{0,63}$'),
  display_name text not null check (length(display_name) > 0),
  is_active boolean not null default true,
  created_at timestamptz not null default now()
);
comment on table app.users is '用户：登录名与中文显示名';

create table app.roles (
  role_id bigint generated always as identity primary key,
  role_code text not null unique check (role_code ~ '^[a-z][a-z0-9_]{0,63}$'),
  display_name text not null check (length(display_name) > 0),
  is_active boolean not null default true,
  created_at timestamptz not null default now()
);
comment on table app.roles is '角色：角色代码与中文名称';

create table app.user_roles (
  user_id bigint not null references app.users (user_id) on delete cascade,
  role_id bigint not null references app.roles (role_id) on delete restrict,
  granted_at timestamptz not null default now(),
  primary key (user_id, role_id)
);
comment on table app.user_roles is '用户角色授予';
create index user_roles_role_id_idx on app.user_roles (role_id);

insert into app.roles (role_code, display_name) values
  ('admin', '系统管理员'),
  ('analyst', '数据分析员'),
  ('risk_officer', '风控专员'),
  ('data_engineer', '数据工程师'),
  ('applicant', '申请人');
