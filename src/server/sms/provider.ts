import 'server-only';

/** Sends one text message; answers the provider's id for it, or throws an SmsError. */
export interface SmsProvider {
  /** Stored with each message (`outbox_messages.provider`). */
  readonly name: string;
  /**
   * True for the outbox provider: nothing leaves the app, messages wait in the outbox as `held`
   * for someone to send by hand, and no job is queued for them.
   */
  readonly holds: boolean;
  send(to: string, text: string): Promise<{ providerMessageId: string }>;
}

/**
 * A refusal or failure of the provider. `permanent` failures (wrong credentials, an unknown
 * sender name, a rejected text) are not retried; the message is marked failed with `message`,
 * which is written for the person reading the outbox.
 */
export class SmsError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = 'SmsError';
  }
}

/** The default: keeps every message in the outbox. */
export const outboxSmsProvider: SmsProvider = {
  name: 'outbox',
  holds: true,
  async send() {
    throw new SmsError('No SMS provider is configured; the message stays in the outbox.', 'held', true);
  },
};
