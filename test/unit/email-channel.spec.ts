import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { EmailChannel } from '../../src/notifications/channels/email-channel.js';
import type { OutboundMessage } from '../../src/notifications/channels/notification-channel.js';
import { startMailServer, type TestMailServer } from '../support/mail-server.js';

const FROM = '通办 Tongban <noreply@zwfw.example.gov.cn>';
const message: OutboundMessage = { userId: 'u-1', phone: null, email: 'zhang.san@example.cn', title: '办件进入“受理”', body: '您的办件当前环节：受理。' };

/** A loopback port that nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe(EmailChannel.name, () => {
  let mail: TestMailServer;
  beforeAll(async () => {
    mail = await startMailServer();
  });
  afterAll(async () => {
    await mail.close();
  });

  it('sends through a server that asks for the password from the URL', async () => {
    await new EmailChannel({ url: mail.url, from: FROM }).send(message);
    expect(mail.received.at(-1)?.envelopeTo).toEqual(['zhang.san@example.cn']);
    expect(mail.received.at(-1)?.parsed.subject).toBe('办件进入“受理”');
  });

  it('fails while the server refuses the recipient, so that the delivery is tried again', async () => {
    mail.refuse(true);
    try {
      await expect(new EmailChannel({ url: mail.url, from: FROM }).send(message)).rejects.toThrow(/451/);
    } finally {
      mail.refuse(false);
    }
  });

  it('fails when the password is wrong, and when no server answers', async () => {
    await expect(new EmailChannel({ url: mail.url.replace(/:[^:@/]+@/, ':wrong@'), from: FROM }).send(message)).rejects.toThrow(/535|Invalid/);
    await expect(new EmailChannel({ url: `smtp://127.0.0.1:${await closedPort()}`, from: FROM }).send(message)).rejects.toThrow(/ECONNREFUSED/);
  });
});
