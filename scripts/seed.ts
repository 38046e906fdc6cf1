/*
 * `npm run seed`: a demo business, "Demo Tezgah", with one person in every role, each able to
 * sign in. Uses the running app's database (DATABASE_URL, or the embedded server of `npm start`);
 * when none is running it starts the embedded one for DATA_DIR itself and stops it afterwards.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { readRunningEmbeddedUrl, resolveDataDir, startEmbeddedPostgres } from '../src/server/db/embedded';
import { runMigrations } from '../src/server/db/migrate';
import { closeDb, getDb } from '../src/server/db/client';
import { user } from '../src/server/db/schema';
import { hashPassword } from '../src/server/auth/passwords';
import { ROLES } from '../src/lib/permissions';
import { addPersonnel, createTestBusiness, createUser } from '../tests/factories';

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
    const ownerEmail = `owner@${DEMO_DOMAIN}`;
    const [existing] = await db.select({ id: user.id }).from(user).where(eq(user.email, ownerEmail));
    if (existing) {
      console.log(`The demo business already exists; sign in as ${ownerEmail} / ${DEMO_PASSWORD}.`);
      return;
    }
    // One hash for every demo login: argon2id is slow on purpose.
    const passwordHash = await hashPassword(DEMO_PASSWORD);
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
    console.log(`Seeded "Demo Tezgah" (/${business.slug}) with one person in every role.`);
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
