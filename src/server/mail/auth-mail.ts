import 'server-only';
import { createMailTransport } from './transport';

export type AuthMail = { to: string; subject: string; text: string };

/**
 * Sends an account e-mail (password reset, invitation). With no SMTP configured it goes to the
 * server log, which only whoever runs the server can read; never to a business's outbox.
 * The app does not call this directly: it queues the mail (src/server/jobs/auth-mail.ts) and a
 * worker sends it.
 */
export async function sendAuthMail(mail: AuthMail, options: { messageId?: string } = {}): Promise<void> {
  const transport = createMailTransport();
  if (!transport) {
    console.info(`[auth-mail] to=${mail.to} subject=${JSON.stringify(mail.subject)}\n${mail.text}`);
    return;
  }
  await transport.sendMail({
    from: process.env.MAIL_FROM ?? 'Tezgah <no-reply@localhost>',
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    ...(options.messageId ? { messageId: options.messageId } : {}),
  });
}
