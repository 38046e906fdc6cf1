import 'server-only';
import { SmsError, type SmsProvider } from './provider';

export const NETGSM_DEFAULT_URL = 'https://api.netgsm.com.tr/sms/rest/v2/send';

export type NetgsmConfig = {
  usercode: string;
  password: string;
  /** The approved sender name (msgheader). */
  header: string;
  url?: string;
  /** NetGSM's partner code, when the account has one. */
  partnerCode?: string;
  timeoutMs?: number;
};

/**
 * What NetGSM's send codes mean (REST v2 `/sms/rest/v2/send`); the permanent ones are not retried.
 * Anything else (a 5xx, a network error, an unknown code) is treated as temporary.
 */
const CODES: Record<string, { message: string; permanent: boolean }> = {
  '20': { message: 'NetGSM refused the text: it is empty, too long or has characters it cannot send (code 20).', permanent: true },
  '30': { message: 'NetGSM refused the credentials, or the API user has no access from this IP address (code 30).', permanent: true },
  '40': { message: 'The sender name (NETGSM_HEADER) is not approved on the NetGSM account (code 40).', permanent: true },
  '50': { message: 'The NetGSM account cannot send İYS-checked messages (code 50).', permanent: true },
  '51': { message: 'The NetGSM account has no İYS brand (code 51).', permanent: true },
  '70': { message: 'NetGSM rejected the request parameters, e.g. the phone number (code 70).', permanent: true },
  '80': { message: 'NetGSM sending limit reached; it will be tried again (code 80).', permanent: false },
  '85': { message: 'NetGSM refused a duplicate: the same text went to this number too often in a short time (code 85).', permanent: true },
  '100': { message: 'NetGSM had a system error; it will be tried again (code 100).', permanent: false },
  '101': { message: 'NetGSM had a system error; it will be tried again (code 101).', permanent: false },
};

/** E.164 "+905321234567" → "905321234567", the form NetGSM takes. */
export function netgsmNumber(e164: string): string {
  return e164.replace(/[^\d]/g, '');
}

/**
 * NetGSM's REST v2 API: one POST with HTTP Basic auth (usercode:password) and a JSON body; the
 * answer `{ code: "00", jobid }` means accepted. `encoding: "TR"` keeps Turkish letters (ş, ğ, ı…)
 * as they are instead of replacing them; `iysfilter: "0"` marks the message as informational (one
 * to one, not a campaign), which İYS consent does not govern.
 */
export function netgsmProvider(config: NetgsmConfig): SmsProvider {
  const url = config.url ?? NETGSM_DEFAULT_URL;
  const auth = `Basic ${Buffer.from(`${config.usercode}:${config.password}`, 'utf8').toString('base64')}`;
  return {
    name: 'netgsm',
    holds: false,
    async send(to, text) {
      const body = {
        msgheader: config.header,
        messages: [{ msg: text, no: netgsmNumber(to) }],
        encoding: 'TR',
        iysfilter: '0',
        ...(config.partnerCode ? { partnercode: config.partnerCode } : {}),
      };
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: { Authorization: auth, 'Content-Type': 'application/json; charset=utf-8', Accept: 'application/json' },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(config.timeoutMs ?? 15_000),
        });
      } catch (err) {
        throw new SmsError(`NetGSM could not be reached: ${(err as Error).message}`, 'network', false);
      }
      const raw = await response.text();
      let answer: { code?: unknown; jobid?: unknown; description?: unknown } = {};
      try {
        answer = JSON.parse(raw) as typeof answer;
      } catch {
        // not JSON: judged by the HTTP status below
      }
      const code = typeof answer.code === 'string' || typeof answer.code === 'number' ? String(answer.code) : null;
      if (code === '00' && (typeof answer.jobid === 'string' || typeof answer.jobid === 'number')) {
        return { providerMessageId: String(answer.jobid) };
      }
      if (code && CODES[code]) throw new SmsError(CODES[code].message, code, CODES[code].permanent);
      const status = response.status;
      if (status === 401 || status === 403) throw new SmsError(CODES['30']!.message, '30', true);
      const what = code ? `code ${code}` : `HTTP ${status}`;
      throw new SmsError(`NetGSM did not accept the message (${what}).`, code ?? `http-${status}`, status >= 400 && status < 500);
    },
  };
}
