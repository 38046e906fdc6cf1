import en from './en.json';
import tr from './tr.json';
import enImports from './en/imports.json';
import enPurchases from './en/purchases.json';
import trImports from './tr/imports.json';
import trPurchases from './tr/purchases.json';

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
