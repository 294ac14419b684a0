import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the platform posts to a notification gateway. */
export interface GatewayMessage {
  userId: string;
  phone: string | null;
  email: string | null;
  title: string;
  body: string;
}

/** A stand-in SMS/e-mail gateway over real HTTP: it refuses its first `failFirst` messages with 503, then takes them. */
export async function startSmsGateway({ failFirst = 0 } = {}) {
  const received: GatewayMessage[] = [];
  let refused = 0;
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      if (refused < failFirst) {
        refused++;
        response.writeHead(503).end();
        return;
      }
      received.push(JSON.parse(body));
      response.writeHead(202).end();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`,
    received,
    refusedSoFar: () => refused,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

export type TestSmsGateway = Awaited<ReturnType<typeof startSmsGateway>>;
