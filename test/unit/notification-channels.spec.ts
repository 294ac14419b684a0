import { describe, expect, it } from '@jest/globals';
import { loadConfig } from '../../src/config/app-config.js';
import { configuredChannels } from '../../src/notifications/channels/configured-channels.js';
import { composeEmail } from '../../src/notifications/channels/email-message.js';
import type { OutboundMessage } from '../../src/notifications/channels/notification-channel.js';

const SMTP = { TONGBAN_SMTP_URL: 'smtp://mail.example.cn:587', TONGBAN_MAIL_FROM: 'noreply@example.cn' };
const WEBHOOK = { TONGBAN_NOTIFY_WEBHOOK_URL: 'https://sms.example.cn/send' };
const SERVER = { DATABASE_URL: 'postgres://db/tongban', REDIS_URL: 'redis://r', S3_ENDPOINT: 'http://s3', S3_ACCESS_KEY: 'a', S3_SECRET_KEY: 'b' };

const namesFor = (env: Record<string, string>) => configuredChannels(loadConfig(env)).map((channel) => channel.name);

const message = (addresses: Partial<OutboundMessage> = {}): OutboundMessage => ({
  userId: 'u-1', phone: null, email: null, title: 'LCJ-20261201-000001：进入“受理 Acceptance”', body: '您的办件当前环节：受理 Acceptance。', ...addresses,
});

describe('configuredChannels', () => {
  it('always logs in embedded mode, beside whatever real channels are configured', () => {
    expect(namesFor({})).toEqual(['log']);
    expect(namesFor(SMTP)).toEqual(['log', 'email']);
    expect(namesFor({ ...WEBHOOK, ...SMTP })).toEqual(['log', 'webhook', 'email']);
  });

  it('logs on a server only while no real channel is configured', () => {
    expect(namesFor(SERVER)).toEqual(['log']);
    expect(namesFor({ ...SERVER, ...SMTP })).toEqual(['email']);
    expect(namesFor({ ...SERVER, ...WEBHOOK })).toEqual(['webhook']);
  });

  it('lets each channel say which messages it has an address for', () => {
    const [log, webhook, email] = configuredChannels(loadConfig({ ...WEBHOOK, ...SMTP }));
    const reached = (m: OutboundMessage) => [log, webhook, email].filter((channel) => channel.reaches(m)).map((channel) => channel.name);
    expect(reached(message())).toEqual(['log']);
    expect(reached(message({ phone: '13800000000' }))).toEqual(['log', 'webhook']);
    expect(reached(message({ email: 'zhang.san@example.cn' }))).toEqual(['log', 'webhook', 'email']);
  });
});

describe('composeEmail', () => {
  it('makes the title the subject, and the body plain text and HTML, addressed from the sender to the user', () => {
    const mail = composeEmail(message(), { from: '通办 Tongban <noreply@example.cn>', to: 'zhang.san@example.cn' });
    expect(mail).toMatchObject({ from: '通办 Tongban <noreply@example.cn>', to: 'zhang.san@example.cn', subject: 'LCJ-20261201-000001：进入“受理 Acceptance”' });
    expect(mail.text).toMatch(/^您的办件当前环节：受理 Acceptance。\n\n此邮件由通办平台自动发送/);
    expect(mail.html).toContain('<h1>LCJ-20261201-000001：进入“受理 Acceptance”</h1>');
    expect(mail.html).toContain('<p>您的办件当前环节：受理 Acceptance。</p>');
  });

  it('escapes what the HTML would otherwise run or break on, and makes each line of the body a paragraph', () => {
    const mail = composeEmail(message({ title: '<script>alert(1)</script>', body: 'A & B\n\n"C" <b>' }), { from: 'noreply@example.cn', to: 'a@example.cn' });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>');
    expect(mail.html).toContain('<p>A &amp; B</p>\n<p>&quot;C&quot; &lt;b&gt;</p>');
    expect(mail.subject).toBe('<script>alert(1)</script>');
  });
});
