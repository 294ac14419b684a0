import { escapeHtml } from '../../common/html.js';
import type { OutboundMessage } from './notification-channel.js';

/** What an e-mail of a notification is made of; nodemailer encodes it (UTF-8, RFC 2047 for the subject). */
export interface EmailContent {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

const FOOTER = '此邮件由通办平台自动发送，请勿直接回复。This e-mail was sent automatically by Tongban; please do not reply to it.';

/** The e-mail of a message: its title as the subject, its body as plain text and as a simple HTML page. */
export function composeEmail(message: Pick<OutboundMessage, 'title' | 'body'>, { from, to }: { from: string; to: string }): EmailContent {
  const paragraphs = message.body.split(/\n+/).filter((line) => line.trim() !== '');
  const html = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(message.title)}</title></head>
<body><h1>${escapeHtml(message.title)}</h1>
${paragraphs.map((line) => `<p>${escapeHtml(line)}</p>`).join('\n')}
<p style="color:#666">${escapeHtml(FOOTER)}</p>
</body></html>
`;
  return { from, to, subject: message.title, text: `${message.body}\n\n${FOOTER}\n`, html };
}
