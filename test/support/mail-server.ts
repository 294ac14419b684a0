import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A message the server took: to whom by the envelope, its raw header block, and its content decoded. */
export interface ReceivedMail {
  envelopeTo: string[];
  rawHeaders: string;
  parsed: ParsedMail;
}

// A password with characters that must be percent-encoded in a URL: the configuration's parsing is tested with it.
const USER = 'tongban';
const PASSWORD = 'p@ss:w/rd';

/**
 * A real SMTP server on loopback for a test: it asks for the user name and password, keeps each message it
 * takes, and, while `refusing` is on, answers every recipient with a temporary refusal (451), as a mail
 * server does while it is overloaded or its mailbox store is down.
 */
export async function startMailServer() {
  const received: ReceivedMail[] = [];
  let refusals = 0;
  const state = { refusing: false };
  const server = new SMTPServer({
    logger: false,
    // Plain SMTP on loopback: no STARTTLS, and a password allowed without TLS.
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
      if (auth.username === USER && auth.password === PASSWORD) callback(null, { user: USER });
      else callback(Object.assign(new Error('Invalid user name or password'), { responseCode: 535 }));
    },
    onRcptTo(_address, _session, callback) {
      if (!state.refusing) return callback();
      refusals++;
      callback(Object.assign(new Error('Mailbox store unavailable, try again later'), { responseCode: 451 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', async () => {
        const raw = Buffer.concat(chunks);
        const rawHeaders = raw.subarray(0, raw.indexOf('\r\n\r\n')).toString('latin1');
        received.push({ envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address), rawHeaders, parsed: await simpleParser(raw) });
        callback();
      });
    },
  });
  const listening = server.listen(0, '127.0.0.1');
  await once(listening, 'listening');
  const port = (listening.address() as AddressInfo).port;
  return {
    url: `smtp://${USER}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${port}`,
    received,
    refusalsSoFar: () => refusals,
    /** Refuses every recipient from now on, or takes them again. */
    refuse(refusing: boolean) {
      state.refusing = refusing;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type TestMailServer = Awaited<ReturnType<typeof startMailServer>>;
