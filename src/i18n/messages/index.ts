import en from './en.json' with { type: 'json' };
import tr from './tr.json' with { type: 'json' };
import enCustomers from './en/customers.json' with { type: 'json' };
import trCustomers from './tr/customers.json' with { type: 'json' };

/*
 * The app's texts. Shared ones (shell, auth, common, errors, ...) live in `en.json`/`tr.json`; a
 * module that brings many texts keeps them in `<locale>/<module>.json` and adds one line per
 * language below, so modules grow without editing one another's files.
 */
export const MESSAGES = {
  en: { ...en, customers: enCustomers },
  tr: { ...tr, customers: trCustomers },
} as const;

export type AppMessages = (typeof MESSAGES)['en'];
