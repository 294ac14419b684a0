import path from 'node:path';
import { isEmail } from 'class-validator';

export type RunMode = 'embedded' | 'server';

export interface S3Config {
  endPoint: string;
  port: number;
  useSSL: boolean;
  accessKey: string;
  secretKey: string;
  bucket: string;
  region: string;
}

/** Where notifications are sent by e-mail from. */
export interface SmtpConfig {
  /** smtp://user:password@host:port (STARTTLS when the server offers it) or smtps:// (TLS from the start). */
  url: string;
  /** The sender: an address, or "Name <address>". */
  from: string;
}

export interface AppConfig {
  mode: RunMode;
  port: number;
  dataDir: string;
  databaseUrl?: string;
  redisUrl?: string;
  queuePrefix: string;
  s3?: S3Config;
  /** How long an HTTP request that asks for a transition waits for the worker before answering 202. */
  transitionWaitMs: number;
  workerConcurrency: number;
  /** Where to post notifications for SMS or e-mail: a gateway that relays them. */
  notifyWebhookUrl?: string;
  /** An SMTP server to send notifications by e-mail through (TONGBAN_SMTP_URL, TONGBAN_MAIL_FROM); without it none go by e-mail. */
  smtp?: SmtpConfig;
  /** How often each worker looks in the database for timers that fell due (a lost delayed job, a clock change). */
  timerSweepMs: number;
  /** How often each API process removes resumable uploads past their expiry, with their parts. */
  uploadSweepMs: number;
  /** TONGBAN_TEST_CLOCK=1: the product's time can be moved forward over the API, to rehearse deadlines. */
  testClock: boolean;
  /** TONGBAN_TRUST_PROXY=1: a reverse proxy in front sets X-Forwarded-For, and the trail records the client it names. */
  trustProxy: boolean;
  /** How often a service task's handler is tried before the run becomes an incident, and the first wait between tries (doubling). */
  serviceTaskRetry: { attempts: number; backoffMs: number };
  /** Working days a department has to answer a consultation or a complaint (我要问): platform rules, set by each centre. */
  replyWorkingDays: { consultation: number; complaint: number };
}

export const APP_CONFIG = Symbol('APP_CONFIG');

export class ConfigError extends Error {}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value) throw new ConfigError(`${name} is required in server mode (DATABASE_URL is set)`);
  return value;
}

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new ConfigError(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

function optionalUrl(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const raw = env[name];
  if (!raw) return undefined;
  if (!URL.canParse(raw) || !/^https?:$/.test(new URL(raw).protocol)) throw new ConfigError(`${name} must be an http(s) URL, got "${raw}"`);
  return raw;
}

const SMTP_URL_EXAMPLE = 'smtp://user:password@mail.example.cn:587';
const MAIL_FROM_EXAMPLE = '"通办 Tongban <noreply@zwfw.example.gov.cn>"';

/** "zhang.san@example.cn", or "Name <zhang.san@example.cn>". */
function isMailbox(value: string): boolean {
  const address = /^[^<>]*<([^<>]+)>$/.exec(value)?.[1] ?? value;
  return isEmail(address.trim());
}

function optionalSmtp(env: NodeJS.ProcessEnv): SmtpConfig | undefined {
  const url = env.TONGBAN_SMTP_URL;
  const from = env.TONGBAN_MAIL_FROM;
  if (!url) {
    if (from) throw new ConfigError('TONGBAN_MAIL_FROM is set but TONGBAN_SMTP_URL is not: set both to send notifications by e-mail, or neither');
    return undefined;
  }
  // The URL may carry a password: a refusal says what is wrong with it, never repeats it.
  if (!URL.canParse(url)) throw new ConfigError(`TONGBAN_SMTP_URL is not a URL: it must look like ${SMTP_URL_EXAMPLE} (percent-encode @ : / in the user name and password)`);
  const { protocol, hostname } = new URL(url);
  if (protocol !== 'smtp:' && protocol !== 'smtps:') throw new ConfigError(`TONGBAN_SMTP_URL must start with smtp:// or smtps://, not ${protocol}, such as ${SMTP_URL_EXAMPLE}`);
  if (!hostname) throw new ConfigError(`TONGBAN_SMTP_URL names no server: it must look like ${SMTP_URL_EXAMPLE}`);
  if (!from) throw new ConfigError(`TONGBAN_MAIL_FROM is required with TONGBAN_SMTP_URL: the sender of the e-mails, such as ${MAIL_FROM_EXAMPLE}`);
  if (!isMailbox(from)) throw new ConfigError(`TONGBAN_MAIL_FROM must be an e-mail address or "Name <address>", such as ${MAIL_FROM_EXAMPLE}, got "${from}"`);
  return { url, from };
}

function parseS3(env: NodeJS.ProcessEnv): S3Config {
  const endpoint = new URL(required(env, 'S3_ENDPOINT'));
  const useSSL = endpoint.protocol === 'https:';
  return {
    endPoint: endpoint.hostname,
    port: endpoint.port ? Number(endpoint.port) : useSSL ? 443 : 80,
    useSSL,
    accessKey: required(env, 'S3_ACCESS_KEY'),
    secretKey: required(env, 'S3_SECRET_KEY'),
    bucket: env.S3_BUCKET || 'tongban-materials',
    region: env.S3_REGION || 'us-east-1',
  };
}

/**
 * Reads the configuration once, at boot. DATABASE_URL chooses server mode, which then needs Redis and S3
 * too: a half-configured server (say, PostgreSQL with materials on one machine's disk) would break as
 * soon as a second worker ran elsewhere, so it is refused.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const mode: RunMode = env.DATABASE_URL ? 'server' : 'embedded';
  const testClock = env.TONGBAN_TEST_CLOCK === '1';
  // A clock anyone may move would let deadlines be skipped: never where production runs.
  if (testClock && env.NODE_ENV === 'production') throw new ConfigError('TONGBAN_TEST_CLOCK=1 is refused with NODE_ENV=production');
  const common = {
    testClock,
    // Without a proxy in front, anyone could claim any address in the header.
    trustProxy: env.TONGBAN_TRUST_PROXY === '1',
    timerSweepMs: positiveInteger(env, 'TONGBAN_TIMER_SWEEP_MS', 30_000),
    uploadSweepMs: positiveInteger(env, 'TONGBAN_UPLOAD_SWEEP_MS', 600_000),
    notifyWebhookUrl: optionalUrl(env, 'TONGBAN_NOTIFY_WEBHOOK_URL'),
    smtp: optionalSmtp(env),
    port: positiveInteger(env, 'PORT', 3000),
    dataDir: path.resolve(env.TONGBAN_DATA_DIR || 'data'),
    queuePrefix: env.TONGBAN_QUEUE_PREFIX || 'tongban',
    transitionWaitMs: positiveInteger(env, 'TONGBAN_TRANSITION_WAIT_MS', 10_000),
    workerConcurrency: positiveInteger(env, 'TONGBAN_WORKER_CONCURRENCY', 8),
    serviceTaskRetry: {
      attempts: positiveInteger(env, 'TONGBAN_SERVICE_TASK_ATTEMPTS', 5),
      backoffMs: positiveInteger(env, 'TONGBAN_SERVICE_TASK_BACKOFF_MS', 2_000),
    },
    replyWorkingDays: {
      consultation: positiveInteger(env, 'TONGBAN_CONSULTATION_REPLY_DAYS', 5),
      complaint: positiveInteger(env, 'TONGBAN_COMPLAINT_REPLY_DAYS', 15),
    },
  };
  if (mode === 'embedded') return { mode, ...common };
  return { mode, ...common, databaseUrl: env.DATABASE_URL, redisUrl: required(env, 'REDIS_URL'), s3: parseS3(env) };
}
