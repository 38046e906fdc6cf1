/*
 * `npx tsx --import ./scripts/server-only-hook.mjs scripts/bench-import.ts [rows] [skip|update|create]`:
 * times a customer CSV import end to end (upload: detection, parsing, counting, storing the file;
 * then the job: every batch validated, checked for duplicates and written) and prints
 * `import rows=N seconds=S`. Runs in a fresh embedded PostgreSQL in a temporary folder, or in the
 * database of TEST_DATABASE_URL / DATABASE_URL when set (a throwaway business is made there).
 *
 * The file looks like a Turkish shop's export: Windows-1254, `;`, Turkish names, mobile numbers in
 * the usual spellings, a company on every third row (2,000 companies), one in 200 rows broken.
 */
// Registers the modules' event subscribers (audit entries, notifications) before any write.
import '../src/composition/wiring';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';

const FIRST = ['Ayşe', 'Mehmet', 'Zeynep', 'Emre', 'Elif', 'Burak', 'Gülşen', 'İsmail', 'Şükrü', 'Çağla', 'Ömer', 'Ilgın', 'Özge', 'Uğur', 'Işıl'];
const LAST = ['Yılmaz', 'Kaya', 'Şahin', 'Çelik', 'Doğan', 'Öztürk', 'Arslan', 'Koç', 'Güneş', 'Aydın', 'Kılıç', 'Yıldız', 'Erdoğan', 'Işık'];
const CITIES = ['İstanbul', 'Ankara', 'İzmir', 'Bursa', 'Antalya', 'Muğla', 'Iğdır', 'Şanlıurfa', 'Çanakkale', 'Eskişehir'];

function makeCsv(rows: number): Buffer {
  const lines = ['Ad Soyad;E-posta;Telefon;Şirket;Şehir;Notlar'];
  for (let i = 0; i < rows; i++) {
    const name = `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]} ${i}`;
    const n = String(5_000_000 + i).padStart(7, '0');
    const phone = i % 2 === 0 ? `0532 ${n.slice(0, 3)} ${n.slice(3, 5)} ${n.slice(5)}` : `+90 (533) ${n.slice(0, 3)}-${n.slice(3)}`;
    const email = i % 200 === 199 ? 'bozuk@adres' : `musteri.${i}@ornek-${i % 50}.com.tr`;
    const company = i % 3 === 0 ? `Şirket ${i % 2000} Ltd. Şti.` : '';
    const cells: string[] = [name, email, phone, company, CITIES[i % CITIES.length]!, i % 10 === 0 ? 'Sadık müşteri; "VIP"' : ''];
    lines.push(cells.map(cell).join(';'));
  }
  return iconv.encode(lines.join('\r\n') + '\r\n', 'windows-1254');
}

function cell(value: string): string {
  return /[;"\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

async function main() {
  const rows = Number(process.argv[2] ?? 100_000);
  const mode = (process.argv[3] ?? 'skip') as 'skip' | 'update' | 'create';
  const root = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
  const temp = await fs.mkdtemp(path.join(os.tmpdir(), 'tezgah-bench-import-'));
  process.env.DATA_DIR = temp;
  const { startEmbeddedPostgres } = await import('../src/server/db/embedded');
  const { runMigrations } = await import('../src/server/db/migrate');
  let stop: (() => Promise<void>) | undefined;
  const external = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (external) {
    process.env.DATABASE_URL = external;
  } else {
    // Its own temporary folder: the server's data folder is handed to the `postgres` user.
    const dbDir = await fs.mkdtemp(path.join(os.tmpdir(), 'tezgah-bench-import-db-'));
    const server = await startEmbeddedPostgres({ dataDir: dbDir });
    process.env.DATABASE_URL = server.url;
    stop = async () => {
      await server.stop();
      await fs.rm(dbDir, { recursive: true, force: true });
    };
  }
  try {
    await runMigrations(process.env.DATABASE_URL, { migrationsFolder: path.join(root, 'drizzle') });
    const { closeDb, getDb } = await import('../src/server/db/client');
    const { stopBoss } = await import('../src/server/jobs/boss');
    const { createTestBusiness, createUser, contextFor } = await import('../tests/factories');
    const { runCustomerImport, startImport, uploadImport } = await import('../src/modules/imports/mutations');
    const { getImport } = await import('../src/modules/imports/queries');
    const db = getDb();
    const owner = await createUser(db, { name: 'Bench Sahibi' });
    const business = await createTestBusiness(db, owner, { name: `Bench ${Date.now()}` });
    const ctx = await contextFor(db, owner.id, business.slug);
    const bytes = makeCsv(rows);
    console.log(`file: ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB, ${rows} rows, duplicate mode ${mode}`);

    const started = performance.now();
    const { id } = await uploadImport(db, ctx, { name: 'bench.csv', bytes });
    const uploaded = performance.now();
    const imp = await getImport(db, ctx, id);
    await startImport(db, ctx, { id, mapping: imp.fields, duplicateMode: mode });
    const result = await runCustomerImport(db, { businessId: ctx.businessId, importId: id });
    const seconds = (performance.now() - started) / 1000;
    const done = await getImport(db, ctx, id);
    console.log(
      `upload ${((uploaded - started) / 1000).toFixed(2)} s; job ${result}: created ${done.createdCount}, updated ${done.updatedCount}, ` +
        `skipped ${done.skippedCount}, failed ${done.failedCount}`,
    );
    console.log(`import rows=${rows} seconds=${seconds.toFixed(1)}`);
    await stopBoss();
    await closeDb();
  } finally {
    await stop?.();
    await fs.rm(temp, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
