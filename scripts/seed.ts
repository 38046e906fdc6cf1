/*
 * `npm run seed`: a demo business, "Demo Tezgah", with one person in every role, each able to
 * sign in, and 500 customers with interactions and purchases.
 * `npm run seed -- --customers 100000`: the demo business gets that many customers, and 19 smaller
 * businesses (1,000 customers each) sit beside it, as the benchmark expects.
 * Uses the running app's database (DATABASE_URL, or the embedded server of `npm start`); when none
 * is running it starts the embedded one for DATA_DIR itself and stops it afterwards.
 */
// Registers the modules' event subscribers (audit entries, notifications) before any write.
import '../src/composition/wiring';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { and, count, eq } from 'drizzle-orm';
import { readRunningEmbeddedUrl, resolveDataDir, startEmbeddedPostgres } from '../src/server/db/embedded';
import { runMigrations } from '../src/server/db/migrate';
import { closeDb, getDb } from '../src/server/db/client';
import { businesses, customers, personnel, user } from '../src/server/db/schema';
import { hashPassword } from '../src/server/auth/passwords';
import { ROLES } from '../src/lib/permissions';
import { addPersonnel, createTestBusiness, createUser } from '../tests/factories';
import { insertCrmData } from '../tests/factories/crm-data';

const SMALL_BUSINESSES = 19;
const SMALL_BUSINESS_CUSTOMERS = 1000;

function customersArgument(): number {
  const i = process.argv.indexOf('--customers');
  if (i === -1) return 500;
  const value = Number(process.argv[i + 1]);
  if (!Number.isInteger(value) || value < 0) throw new Error('--customers needs a whole number, e.g. --customers 100000');
  return value;
}

async function customerCount(db: ReturnType<typeof getDb>, businessId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(customers).where(eq(customers.businessId, businessId));
  return row?.n ?? 0;
}

async function seedCustomers(db: ReturnType<typeof getDb>, businessId: string, label: string, wanted: number, seed: number) {
  if ((await customerCount(db, businessId)) > 0 || wanted === 0) return;
  const ownerIds = (await db.select({ id: personnel.id }).from(personnel).where(eq(personnel.businessId, businessId))).map((p) => p.id);
  const started = performance.now();
  const totals = await insertCrmData(db, businessId, {
    customers: wanted,
    ownerIds,
    seed,
    onProgress: (n) => {
      if (wanted >= 10_000 && n % 10_000 === 0) console.log(`  ${label}: ${n.toLocaleString('en')} customers`);
    },
  });
  console.log(
    `${label}: ${totals.customers} customers, ${totals.interactions} interactions, ${totals.purchases} purchases in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

const DEMO_PASSWORD = 'Tezgah-Demo-2026';
const DEMO_DOMAIN = 'demo.tezgah.test';
const NAMES: Record<string, string> = {
  owner: 'Ayşe Yılmaz',
  admin: 'Mehmet Kaya',
  manager: 'Zeynep Şahin',
  sales: 'Emre Çelik',
  support: 'Elif Doğan',
  marketing: 'Burak Öztürk',
  member: 'Gülşen Arslan',
  viewer: 'İsmail Koç',
};

async function main() {
  const root = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
  let stop: (() => Promise<void>) | undefined;
  if (!process.env.DATABASE_URL && !readRunningEmbeddedUrl(resolveDataDir())) {
    const server = await startEmbeddedPostgres({ dataDir: resolveDataDir() });
    process.env.DATABASE_URL = server.url;
    stop = () => server.stop();
  }
  try {
    const url = process.env.DATABASE_URL ?? readRunningEmbeddedUrl(resolveDataDir())!;
    await runMigrations(url, { migrationsFolder: path.join(root, 'drizzle') });
    const db = getDb();
    const wanted = customersArgument();
    const ownerEmail = `owner@${DEMO_DOMAIN}`;
    const [existing] = await db.select({ id: user.id }).from(user).where(eq(user.email, ownerEmail));
    // One hash for every demo login: argon2id is slow on purpose.
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    let demoId: string;
    if (existing) {
      const [row] = await db
        .select({ id: businesses.id })
        .from(businesses)
        .innerJoin(personnel, eq(personnel.businessId, businesses.id))
        .where(and(eq(personnel.userId, existing.id), eq(businesses.name, 'Demo Tezgah')));
      if (!row) throw new Error(`${ownerEmail} exists but has no "Demo Tezgah" business`);
      demoId = row.id;
      console.log('The demo business already exists.');
    } else {
      const owner = await createUser(db, { name: NAMES.owner, email: ownerEmail, passwordHash });
      const business = await createTestBusiness(db, owner, {
        name: 'Demo Tezgah',
        sector: 'Perakende',
        phone: '0212 555 10 10',
        email: `info@${DEMO_DOMAIN}`,
        address: 'İstiklal Cad. No: 1, Beyoğlu, İstanbul',
      });
      for (const role of ROLES.filter((r) => r !== 'owner')) {
        await addPersonnel(db, business.id, { role, name: NAMES[role], email: `${role}@${DEMO_DOMAIN}`, passwordHash });
      }
      await addPersonnel(db, business.id, { role: 'member', name: 'Hasan Saha (girişsiz)', login: false });
      demoId = business.id;
      console.log(`Seeded "Demo Tezgah" (/${business.slug}) with one person in every role.`);
    }
    await seedCustomers(db, demoId, 'Demo Tezgah', wanted, 42);

    if (wanted >= 10_000) {
      for (let i = 1; i <= SMALL_BUSINESSES; i++) {
        const email = `owner${i}@${DEMO_DOMAIN}`;
        const [other] = await db.select({ id: user.id }).from(user).where(eq(user.email, email));
        if (other) continue;
        const owner = await createUser(db, { name: `Örnek Sahip ${i}`, email, passwordHash });
        const business = await createTestBusiness(db, owner, { name: `Örnek İşletme ${i}` });
        await seedCustomers(db, business.id, `Örnek İşletme ${i}`, SMALL_BUSINESS_CUSTOMERS, 1000 + i);
      }
    }
    console.log(`Sign in as <role>@${DEMO_DOMAIN} (owner, admin, manager, sales, support, marketing, member, viewer), password ${DEMO_PASSWORD}`);
  } finally {
    await closeDb();
    await stop?.();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
