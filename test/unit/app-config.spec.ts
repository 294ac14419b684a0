import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from '../../src/config/app-config.js';

describe('loadConfig', () => {
  it('defaults to embedded mode on port 3000 with data under ./data', () => {
    const config = loadConfig({});
    expect(config.mode).toBe('embedded');
    expect(config.port).toBe(3000);
    expect(config.dataDir.endsWith('/data')).toBe(true);
    expect(config.s3).toBeUndefined();
  });

  it('chooses server mode from DATABASE_URL and reads Redis and S3', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://db/tongban', REDIS_URL: 'redis://127.0.0.1:6379', PORT: '4000',
      S3_ENDPOINT: 'https://s3.example.test:9443', S3_ACCESS_KEY: 'a', S3_SECRET_KEY: 'b',
    });
    expect(config).toMatchObject({ mode: 'server', port: 4000, redisUrl: 'redis://127.0.0.1:6379' });
    expect(config.s3).toMatchObject({ endPoint: 's3.example.test', port: 9443, useSSL: true, bucket: 'tongban-materials' });
  });

  it('refuses a half-configured server mode, naming what is missing', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://db/tongban' })).toThrow(new ConfigError('REDIS_URL is required in server mode (DATABASE_URL is set)'));
    expect(() => loadConfig({ DATABASE_URL: 'postgres://db/x', REDIS_URL: 'redis://r' })).toThrow(/S3_ENDPOINT is required/);
  });

  it('refuses a port that is not a positive integer', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT must be a positive integer/);
  });

  it('turns the test clock on only when asked, and never with a production configuration', () => {
    expect(loadConfig({}).testClock).toBe(false);
    expect(loadConfig({ TONGBAN_TEST_CLOCK: '1' }).testClock).toBe(true);
    expect(loadConfig({ TONGBAN_TEST_CLOCK: 'yes' }).testClock).toBe(false);
    expect(() => loadConfig({ TONGBAN_TEST_CLOCK: '1', NODE_ENV: 'production' })).toThrow(/TONGBAN_TEST_CLOCK=1 is refused with NODE_ENV=production/);
  });

  it('reads the retry policy of service tasks and the timer sweep', () => {
    const config = loadConfig({ TONGBAN_SERVICE_TASK_ATTEMPTS: '3', TONGBAN_SERVICE_TASK_BACKOFF_MS: '250', TONGBAN_TIMER_SWEEP_MS: '1000' });
    expect(config).toMatchObject({ serviceTaskRetry: { attempts: 3, backoffMs: 250 }, timerSweepMs: 1000 });
    expect(() => loadConfig({ TONGBAN_SERVICE_TASK_ATTEMPTS: '0' })).toThrow(/TONGBAN_SERVICE_TASK_ATTEMPTS must be a positive integer/);
  });

  it('gives consultations 5 and complaints 15 working days for an answer unless told otherwise', () => {
    expect(loadConfig({}).replyWorkingDays).toEqual({ consultation: 5, complaint: 15 });
    expect(loadConfig({ TONGBAN_CONSULTATION_REPLY_DAYS: '3', TONGBAN_COMPLAINT_REPLY_DAYS: '10' }).replyWorkingDays).toEqual({ consultation: 3, complaint: 10 });
    expect(() => loadConfig({ TONGBAN_COMPLAINT_REPLY_DAYS: '2.5' })).toThrow(/TONGBAN_COMPLAINT_REPLY_DAYS must be a positive integer/);
  });

  it('takes a notification gateway only as an http(s) URL', () => {
    expect(loadConfig({ TONGBAN_NOTIFY_WEBHOOK_URL: 'https://sms.example.test/send' }).notifyWebhookUrl).toBe('https://sms.example.test/send');
    expect(loadConfig({}).notifyWebhookUrl).toBeUndefined();
    expect(() => loadConfig({ TONGBAN_NOTIFY_WEBHOOK_URL: 'ftp://x' })).toThrow(/TONGBAN_NOTIFY_WEBHOOK_URL must be an http\(s\) URL/);
  });

  describe('e-mail (TONGBAN_SMTP_URL, TONGBAN_MAIL_FROM)', () => {
    const from = '通办 Tongban <noreply@zwfw.example.gov.cn>';

    it('is off without a server, and takes smtp:// or smtps:// with a sender', () => {
      expect(loadConfig({}).smtp).toBeUndefined();
      expect(loadConfig({ TONGBAN_SMTP_URL: 'smtp://tongban:p%40ss@mail.example.cn:587', TONGBAN_MAIL_FROM: from }).smtp).toEqual({
        url: 'smtp://tongban:p%40ss@mail.example.cn:587', from,
      });
      expect(loadConfig({ TONGBAN_SMTP_URL: 'smtps://mail.example.cn', TONGBAN_MAIL_FROM: 'noreply@example.cn' }).smtp?.from).toBe('noreply@example.cn');
    });

    it('refuses a URL that is not SMTP, names no server or does not parse, without repeating the password it may hold', () => {
      expect(() => loadConfig({ TONGBAN_SMTP_URL: 'https://mail.example.cn', TONGBAN_MAIL_FROM: from })).toThrow(/TONGBAN_SMTP_URL must start with smtp:\/\/ or smtps:\/\/, not https:/);
      expect(() => loadConfig({ TONGBAN_SMTP_URL: 'smtp:mail', TONGBAN_MAIL_FROM: from })).toThrow(/TONGBAN_SMTP_URL names no server/);
      const unparsable = () => loadConfig({ TONGBAN_SMTP_URL: 'smtp://user:secret@mail.example.cn:99999', TONGBAN_MAIL_FROM: from });
      expect(unparsable).toThrow(/TONGBAN_SMTP_URL is not a URL/);
      expect(unparsable).not.toThrow(/secret/);
    });

    it('needs a sender that is an address, or a name and an address, and no sender without a server', () => {
      expect(() => loadConfig({ TONGBAN_SMTP_URL: 'smtp://mail.example.cn' })).toThrow(/TONGBAN_MAIL_FROM is required with TONGBAN_SMTP_URL/);
      expect(() => loadConfig({ TONGBAN_SMTP_URL: 'smtp://mail.example.cn', TONGBAN_MAIL_FROM: '通办 Tongban' })).toThrow(/TONGBAN_MAIL_FROM must be an e-mail address or "Name <address>"/);
      expect(() => loadConfig({ TONGBAN_SMTP_URL: 'smtp://mail.example.cn', TONGBAN_MAIL_FROM: 'Tongban <noreply>' })).toThrow(/TONGBAN_MAIL_FROM must be/);
      expect(() => loadConfig({ TONGBAN_MAIL_FROM: from })).toThrow(/TONGBAN_MAIL_FROM is set but TONGBAN_SMTP_URL is not/);
    });
  });
});
