import en from './en.json' with { type: 'json' };
import tr from './tr.json' with { type: 'json' };
import enCustomers from './en/customers.json' with { type: 'json' };
import trCustomers from './tr/customers.json' with { type: 'json' };
import enInteractions from './en/interactions.json' with { type: 'json' };
import trInteractions from './tr/interactions.json' with { type: 'json' };
import enReminders from './en/reminders.json' with { type: 'json' };
import trReminders from './tr/reminders.json' with { type: 'json' };
import enNotifications from './en/notifications.json' with { type: 'json' };
import trNotifications from './tr/notifications.json' with { type: 'json' };
import enImports from './en/imports.json' with { type: 'json' };
import enPurchases from './en/purchases.json' with { type: 'json' };
import trImports from './tr/imports.json' with { type: 'json' };
import trPurchases from './tr/purchases.json' with { type: 'json' };
import enDeals from './en/deals.json' with { type: 'json' };
import trDeals from './tr/deals.json' with { type: 'json' };
import enQuotes from './en/quotes.json' with { type: 'json' };
import trQuotes from './tr/quotes.json' with { type: 'json' };
import enContracts from './en/contracts.json' with { type: 'json' };
import trContracts from './tr/contracts.json' with { type: 'json' };
import enProjects from './en/projects.json' with { type: 'json' };
import trProjects from './tr/projects.json' with { type: 'json' };
import enTasks from './en/tasks.json' with { type: 'json' };
import trTasks from './tr/tasks.json' with { type: 'json' };

/*
 * The app's texts. Shared ones (shell, auth, common, errors, ...) live in `en.json`/`tr.json`; a
 * module that brings many texts keeps them in `<locale>/<module>.json` and adds one line per
 * language below, so modules grow without editing one another's files.
 */
export const MESSAGES = {
  en: {
    ...en,
    customers: enCustomers,
    interactions: enInteractions,
    reminders: enReminders,
    notifications: enNotifications,
    purchases: enPurchases,
    imports: enImports,
    deals: enDeals,
    quotes: enQuotes,
    contracts: enContracts,
    projects: enProjects,
    tasks: enTasks,
  },
  tr: {
    ...tr,
    customers: trCustomers,
    interactions: trInteractions,
    reminders: trReminders,
    notifications: trNotifications,
    purchases: trPurchases,
    imports: trImports,
    deals: trDeals,
    quotes: trQuotes,
    contracts: trContracts,
    projects: trProjects,
    tasks: trTasks,
  },
} as const;

export type AppMessages = (typeof MESSAGES)['en'];
