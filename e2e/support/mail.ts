import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the test SMTP server stores what it receives (git-ignored). */
/** One message as the test SMTP server stored it. */
export type StoredMail = {
  receivedAt: string;
  envelopeFrom: string | null;
  envelopeTo: string[];
  /** The message as it came over the wire (headers and encoded body). */
  raw: string;
};

export const MAIL_DIR = fileURLToPath(new URL('../.artifacts/mail/', import.meta.url));

export type ReceivedMail = {
  file: string;
  receivedAt: Date;
  to: string[];
  subject: string;
  text: string;
  /** Every http(s) URL in the text, in order. */
  links: string[];
};

/**
 * Waits for a message to `to` and returns it decoded. Polls the mail folder, bounded by
 * `timeout`; `since` skips older messages (a second reset mail, say), `subject` narrows further.
 */
export async function waitForMail(
  to: string,
  { since, subject, timeout = 20_000 }: { since?: Date; subject?: RegExp; timeout?: number } = {},
): Promise<ReceivedMail> {
  const address = to.toLowerCase();
  const deadline = Date.now() + timeout;
  for (;;) {
    const found = readMails().find(
      (m) =>
        m.to.includes(address) &&
        (!since || m.receivedAt.getTime() >= since.getTime()) &&
        (!subject || subject.test(m.subject)),
    );
    if (found) return found;
    if (Date.now() > deadline) {
      const seen = readMails().map((m) => `${m.to.join(',')}: ${m.subject}`);
      throw new Error(`No mail to ${to} within ${timeout} ms. Received so far:\n${seen.join('\n') || '(nothing)'}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The first link in a mail that points at `pathPrefix` of the app, e.g. "/invite/". */
export function linkIn(mail: ReceivedMail, pathPrefix: string): string {
  const link = mail.links.find((l) => new URL(l).pathname.startsWith(pathPrefix));
  if (!link) throw new Error(`The mail "${mail.subject}" has no link to ${pathPrefix}…:\n${mail.text}`);
  return link;
}

function readMails(): ReceivedMail[] {
  if (!fs.existsSync(MAIL_DIR)) return [];
  return fs
    .readdirSync(MAIL_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const file = path.join(MAIL_DIR, name);
      const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as StoredMail;
      const parsed = parseMessage(stored.raw);
      const headerTo = (parsed.headers.get('to') ?? '').match(/[^\s<>,;"]+@[^\s<>,;"]+/g) ?? [];
      return {
        file,
        receivedAt: new Date(stored.receivedAt),
        to: [...new Set([...stored.envelopeTo, ...headerTo.map((a) => a.toLowerCase())])],
        subject: decodeEncodedWords(parsed.headers.get('subject') ?? ''),
        text: parsed.text,
        links: parsed.text.match(/https?:\/\/[^\s<>"']+/g) ?? [],
      };
    });
}

// ---------------------------------------------------------------------------
// A small MIME reader: enough for what nodemailer sends (text/plain, possibly inside a
// multipart, in 7bit, quoted-printable or base64, with RFC 2047 encoded headers).

type Part = { headers: Map<string, string>; text: string };

export function parseMessage(raw: string): Part {
  const { headers, body } = splitHeaders(raw);
  const type = headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (/^multipart\//i.test(type) && boundary) {
    const parts = body
      .split(`--${boundary}`)
      .slice(1)
      .filter((p) => !p.startsWith('--'))
      .map((p) => parseMessage(p.replace(/^\r?\n/, '')));
    const plain = parts.find((p) => /^text\/plain/i.test(p.headers.get('content-type') ?? 'text/plain')) ?? parts[0];
    return { headers, text: plain?.text ?? '' };
  }
  const charset = /charset="?([^";]+)"?/i.exec(type)?.[1] ?? 'utf-8';
  return { headers, text: decodeBody(body, headers.get('content-transfer-encoding') ?? '7bit', charset) };
}

function splitHeaders(raw: string): { headers: Map<string, string>; body: string } {
  const match = /\r?\n\r?\n/.exec(raw);
  const head = match ? raw.slice(0, match.index) : raw;
  const body = match ? raw.slice(match.index + match[0].length) : '';
  const headers = new Map<string, string>();
  // Folded header lines continue with leading whitespace.
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function decodeBody(body: string, encoding: string, charset: string): string {
  const decoder = new TextDecoder(charset.toLowerCase());
  switch (encoding.toLowerCase()) {
    case 'quoted-printable':
      return decoder.decode(quotedPrintableBytes(body.replace(/=\r?\n/g, '')));
    case 'base64':
      return decoder.decode(Buffer.from(body.replace(/\s+/g, ''), 'base64'));
    default:
      return body;
  }
}

function quotedPrintableBytes(value: string): Uint8Array {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const hex = value.slice(i + 1, i + 3);
    if (value[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(value[i]!, 'utf8'));
    }
  }
  return Uint8Array.from(bytes);
}

export function decodeEncodedWords(value: string): string {
  // Whitespace between two encoded words is not part of the text (RFC 2047, 6.2).
  return value
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_, charset: string, kind: string, data: string) => {
      const decoder = new TextDecoder(charset.toLowerCase());
      if (kind.toUpperCase() === 'B') return decoder.decode(Buffer.from(data, 'base64'));
      return decoder.decode(quotedPrintableBytes(data.replace(/_/g, ' ')));
    });
}
