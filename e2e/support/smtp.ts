import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { MAIL_DIR, type StoredMail } from './mail';

export type { StoredMail };


/**
 * A real SMTP server on loopback for the journeys: the app sends through nodemailer as it would
 * in production, and every message lands as a file that the tests (other processes) can poll.
 * Plain SMTP without TLS or authentication is enough for loopback.
 */
export async function startMailServer(port: number): Promise<{ close(): Promise<void> }> {
  await fsp.rm(MAIL_DIR, { recursive: true, force: true });
  await fsp.mkdir(MAIL_DIR, { recursive: true });
  let sequence = 0;

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 5 * 1024 * 1024,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', callback);
      stream.on('end', () => {
        const mail: StoredMail = {
          receivedAt: new Date().toISOString(),
          envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
          envelopeTo: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
          raw: Buffer.concat(chunks).toString('utf8'),
        };
        sequence += 1;
        const name = `${Date.now()}-${String(sequence).padStart(4, '0')}`;
        try {
          // Written whole under a temporary name and renamed, so a reader never sees half a message.
          const file = path.join(MAIL_DIR, `${name}.json`);
          fs.writeFileSync(`${file}.tmp`, JSON.stringify(mail, null, 2));
          fs.renameSync(`${file}.tmp`, file);
          // The raw message too, for a person to open in a mail program.
          fs.writeFileSync(path.join(MAIL_DIR, `${name}.eml`), mail.raw);
          callback();
        } catch (error) {
          callback(error as Error);
        }
      });
    },
  });

  await new Promise<void>((resolve, reject) => {
    const onError = (error: Error) => reject(new Error(`The test SMTP server could not listen on 127.0.0.1:${port}: ${error.message}`));
    server.once('error', onError);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', onError);
      resolve();
    });
  });
  // A broken client connection must not bring the test run down.
  server.on('error', (error) => console.error('[smtp]', error.message));

  return {
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
