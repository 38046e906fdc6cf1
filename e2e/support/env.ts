/** Where the journeys find the app, the mail server and the browser; shared by the config and the tests. */
// E2E_PORT and E2E_SMTP_PORT let a second checkout run its journeys beside the first.
export const APP_PORT = Number(process.env.E2E_PORT ?? 3100);
export const APP_URL = `http://localhost:${APP_PORT}`;
export const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 2526);

/** Debian's Chromium: Playwright cannot download its own browsers on these machines. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Without the background-networking flags Chromium keeps dialling out, and on a closed
// network those refused connections slow down and break page loads.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
