-- 0004 SMS sends: every verification code sent, by number and client IP, for the rate limits
-- (per number and per IP) of applicant sign-in. The codes themselves live in better-auth's
-- `verification` table, never here.
-- Runs inside one transaction opened by the migrator: no BEGIN/COMMIT here.

create table app.sms_sends (
  phone_number text not null,
  ip_address text,
  sent_at timestamptz not null default now()
);
comment on table app.sms_sends is '短信验证码发送记录：按手机号与 IP 限流（不含验证码）';
create index sms_sends_phone_idx on app.sms_sends (phone_number, sent_at);
create index sms_sends_ip_idx on app.sms_sends (ip_address, sent_at);
