import 'server-only';
import nodemailer from 'nodemailer';

export type NotificationMail = { to: string; subject: string; text: string };

/**
 * Sends a notification e-mail (a reminder that fell due) to a user of the app. Like account
 * e-mails, it goes to the server log when no SMTP server is configured: it is the user's own
 * notice, not a message to a customer, so it never enters a business's outbox.
 */
export async function sendNotificationMail(mail: NotificationMail, options: { messageId?: string } = {}): Promise<void> {
  const smtpUrl = process.env.SMTP_URL;
  if (!smtpUrl) {
    console.info(`[notification-mail] to=${mail.to} subject=${JSON.stringify(mail.subject)}\n${mail.text}`);
    return;
  }
  const transport = nodemailer.createTransport(smtpUrl);
  await transport.sendMail({
    from: process.env.MAIL_FROM ?? 'Tezgah <no-reply@localhost>',
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    ...(options.messageId ? { messageId: options.messageId } : {}),
  });
}
