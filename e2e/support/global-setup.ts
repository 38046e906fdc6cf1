import type { FullConfig } from '@playwright/test';
import { SMTP_PORT } from './env';
import { startMailServer } from './smtp';

/*
 * Runs in the test runner's own process, so the SMTP server lives until the run ends.
 * Playwright starts the webServer before this; that is fine, since the app only sends mail
 * when a journey asks it to, and every journey runs after this setup.
 */
export default async function globalSetup(_config: FullConfig): Promise<() => Promise<void>> {
  const mail = await startMailServer(SMTP_PORT);
  return () => mail.close();
}
