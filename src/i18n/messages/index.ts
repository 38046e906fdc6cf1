import en from './en.json' with { type: 'json' };
import tr from './tr.json' with { type: 'json' };
import enImports from './en/imports.json' with { type: 'json' };
import enPurchases from './en/purchases.json' with { type: 'json' };
import trImports from './tr/imports.json' with { type: 'json' };
import trPurchases from './tr/purchases.json' with { type: 'json' };

/*
 * The app's texts. Shared ones (shell, auth, common, errors, ...) live in `en.json`/`tr.json`; a
 * module that brings many texts keeps them in `<locale>/<module>.json` and adds one line per
 * language below, so modules grow without editing one another's files.
 */
export const MESSAGES = {
  en: { ...en, purchases: enPurchases, imports: enImports },
  tr: { ...tr, purchases: trPurchases, imports: trImports },
} as const;

export type AppMessages = (typeof MESSAGES)['en'];
