// The simulator's page: every message sent, newest first, number and text in full (a development
// tool: it shows the verification codes a person would receive on the phone).
import type { SentSms } from './send-sms.ts';

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);
}

function beijingTime(at: Date): string {
  return at.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}

export function sentMessagesPage(sent: readonly SentSms[]): string {
  const rows = [...sent]
    .reverse()
    .map(
      (sms) =>
        `<tr><td>${escapeHtml(beijingTime(sms.sentAt))}</td><td>${escapeHtml(sms.phoneNumber)}</td>` +
        `<td>${escapeHtml(sms.params['code'] ?? '')}</td><td>${escapeHtml(sms.text)}</td></tr>`,
    )
    .join('');
  const table =
    sent.length === 0
      ? '<p>尚未发送短信。</p>'
      : `<table><thead><tr><th>发送时间</th><th>手机号</th><th>验证码</th><th>短信内容</th></tr></thead><tbody>${rows}</tbody></table>`;
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>短信网关模拟器</title>
<meta http-equiv="refresh" content="5"></head><body><h1>短信网关模拟器（阿里云 SendSms）</h1>
<p>仅用于开发环境：已发送的短信及验证码，最新在前。</p>${table}</body></html>`;
}
