import { defineConfig } from '@playwright/test';
import { APP_PORT, APP_URL, CHROMIUM_ARGS, CHROMIUM_PATH, SMTP_PORT } from './e2e/support/env';

/*
 * User journeys in Debian's Chromium against the real app: `npm start` (the launcher builds when
 * there is no build yet, starts the embedded PostgreSQL in a fresh data folder and migrates), with
 * account e-mail going to the SMTP server that the global setup starts.
 */
export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  // One app and two cores: journeys run one after another, and a flaky one must show as a failure.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['./e2e/support/summary-reporter.ts']],
  globalSetup: './e2e/support/global-setup.ts',
  use: {
    baseURL: APP_URL,
    browserName: 'chromium',
    // Accept-Language decides the language until the user picks one; Turkish is the default.
    locale: 'tr-TR',
    timezoneId: 'Europe/Istanbul',
    viewport: { width: 1280, height: 800 },
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
  webServer: {
    // `exec`: Playwright signals the whole process group and then waits only for the process it
    // started. A shell left in between dies at once on SIGTERM, so Playwright would return while
    // the launcher is still stopping PostgreSQL; npm waits for the launcher.
    command: 'rm -rf .data-e2e && exec npm start',
    url: `${APP_URL}/api/health`,
    reuseExistingServer: false,
    // Long enough for a first `next build` when CI has not built yet.
    timeout: 10 * 60_000,
    stdout: 'pipe',
    stderr: 'pipe',
    // SIGTERM lets the launcher stop Next and then PostgreSQL; a SIGKILL would leave a dirty cluster.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 30_000 },
    env: {
      PORT: String(APP_PORT),
      DATA_DIR: '.data-e2e',
      APP_URL,
      SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
      MAIL_FROM: 'Tezgah E2E <no-reply@tezgah.test>',
      // A DATABASE_URL from the developer's shell must not receive test data.
      DATABASE_URL: '',
      // The server runs in UTC like most hosts, so a date shown in the server's own zone instead
      // of the caller's (business or user) fails the journeys rather than passing by luck.
      TZ: 'UTC',
      // The journeys sign up many accounts a minute from one address.
      AUTH_RATE_LIMIT_SCALE: '20',
    },
  },
});
