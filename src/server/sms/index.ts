import 'server-only';
import { netgsmProvider } from './netgsm';
import { outboxSmsProvider, type SmsProvider } from './provider';

export { SmsError, type SmsProvider } from './provider';

/**
 * The provider the environment chooses: `SMS_PROVIDER=netgsm` with NETGSM_USERCODE,
 * NETGSM_PASSWORD and NETGSM_HEADER (NETGSM_URL overrides the endpoint, NETGSM_PARTNERCODE is
 * optional); otherwise the outbox, which keeps every message for the business to see.
 */
export function getSmsProvider(env: Record<string, string | undefined> = process.env): SmsProvider {
  if (env.SMS_PROVIDER === 'netgsm') {
    const { NETGSM_USERCODE: usercode, NETGSM_PASSWORD: password, NETGSM_HEADER: header } = env;
    if (!usercode || !password || !header) {
      console.warn('[sms] SMS_PROVIDER=netgsm needs NETGSM_USERCODE, NETGSM_PASSWORD and NETGSM_HEADER; keeping messages in the outbox');
      return outboxSmsProvider;
    }
    return netgsmProvider({ usercode, password, header, url: env.NETGSM_URL || undefined, partnerCode: env.NETGSM_PARTNERCODE || undefined });
  }
  return outboxSmsProvider;
}
