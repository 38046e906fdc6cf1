import 'server-only';
import nodemailer, { type Transporter } from 'nodemailer';

/** The SMTP transport from `SMTP_URL` (smtp://user:pass@host:port, smtps://…), or null when unset. */
export function createMailTransport(smtpUrl: string | undefined = process.env.SMTP_URL): Transporter | null {
  return smtpUrl ? nodemailer.createTransport(smtpUrl) : null;
}

export function isMailConfigured(): boolean {
  return Boolean(process.env.SMTP_URL);
}

/** The address mail is sent from (`MAIL_FROM`, "Name <address>" or a bare address). */
export function mailFromAddress(): string {
  const from = process.env.MAIL_FROM ?? 'Tezgah <no-reply@localhost>';
  return /<([^>]+)>/.exec(from)?.[1]?.trim() ?? from.trim();
}
