import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage } from 'node:http';

/** Where a request came from, as the audit trail records it. */
export interface RequestOrigin {
  sourceIp: string | null;
  userAgent: string | null;
}

const USER_AGENT_MAX = 512;
const origins = new AsyncLocalStorage<RequestOrigin>();

/** The origin of the request (or queued command) being served; none for the platform's own work. */
export const currentOrigin = (): RequestOrigin | undefined => origins.getStore();

/** Runs `work` as on behalf of a request from `origin`: a worker does this with the origin a command carries. */
export const withOrigin = <T>(origin: RequestOrigin | undefined, work: () => T): T => (origin ? origins.run(origin, work) : work());

// An IPv4 client on a dual-stack socket shows as ::ffff:a.b.c.d.
const plainAddress = (address: string | undefined): string | null => address?.trim().replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1') || null;

/** The client's address and user agent; X-Forwarded-For (its first, the client's, address) only when a proxy in front is trusted to set it. */
export function originOf(request: IncomingMessage, trustProxy: boolean): RequestOrigin {
  const forwarded = request.headers['x-forwarded-for'];
  const forwardedFor = trustProxy ? (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0] : undefined;
  const userAgent = request.headers['user-agent']?.slice(0, USER_AGENT_MAX) || null;
  return { sourceIp: plainAddress(forwardedFor) ?? plainAddress(request.socket.remoteAddress), userAgent };
}

/** Express middleware: the rest of the request runs with its origin known to `currentOrigin`. */
export const requestOrigins = (trustProxy: boolean) => (request: IncomingMessage, _response: unknown, next: () => void) =>
  origins.run(originOf(request, trustProxy), next);
