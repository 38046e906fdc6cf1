/**
 * Bulk CRM data for `npm run seed -- --customers N` and the benchmark: customers (people and
 * companies), tags, interactions and purchases, written with multi-row inserts. The rows obey the
 * same rules as rows the app writes: folded search text, Turkish sort key, E.164 phones, lower-case
 * e-mails, and summaries (lifetime value, last purchase, last interaction) that match the rows.
 */
import { eq } from 'drizzle-orm';
import type { Executor } from '@/server/db/client';
import {
  customers,
  customerTags,
  interactionCustomers,
  interactions,
  purchaseItems,
  purchases,
  tags,
} from '@/server/db/schema';
import { newId } from '@/lib/ids';
import { foldTurkish, searchText, turkishSortKey } from '@/lib/text';

const FIRST_NAMES = [
  'Ayşe', 'Mehmet', 'Fatma', 'Mustafa', 'Emine', 'Ahmet', 'Hatice', 'Ali', 'Zeynep', 'Hüseyin', 'Elif', 'Hasan',
  'Meryem', 'İbrahim', 'Şerife', 'İsmail', 'Zehra', 'Osman', 'Sultan', 'Yusuf', 'Hacer', 'Murat', 'Gülşen', 'Ömer',
  'Özlem', 'Emre', 'Çağla', 'Burak', 'Ebru', 'Can', 'Derya', 'Barış', 'Gökçe', 'Uğur', 'Işıl', 'Serkan', 'Ülkü', 'Tuğba',
];
const LAST_NAMES = [
  'Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Yıldız', 'Yıldırım', 'Öztürk', 'Aydın', 'Özdemir', 'Arslan', 'Doğan',
  'Kılıç', 'Aslan', 'Çetin', 'Kara', 'Koç', 'Kurt', 'Özkan', 'Şimşek', 'Polat', 'Öz', 'Korkmaz', 'Çakır', 'Erdoğan',
  'Güneş', 'Akın', 'Uçar', 'Bulut', 'Işık', 'Güler', 'Tekin', 'Ünal', 'Gök', 'Sarı', 'Avcı', 'Türk', 'Ateş',
];
const COMPANY_WORDS = ['Anadolu', 'Ege', 'Marmara', 'Boğaziçi', 'Toros', 'Kuzey', 'Güney', 'Yıldız', 'Çınar', 'Başak', 'Doğuş', 'Şafak', 'Işık', 'Öncü', 'Umut'];
const COMPANY_KINDS = ['Gıda', 'Tekstil', 'İnşaat', 'Lojistik', 'Yazılım', 'Mobilya', 'Turizm', 'Otomotiv', 'Kırtasiye', 'Çiçekçilik'];
const COMPANY_SUFFIXES = ['Ltd. Şti.', 'A.Ş.', 'Tic. Ltd. Şti.', 'San. ve Tic. A.Ş.'];
const CITIES = ['İstanbul', 'Ankara', 'İzmir', 'Bursa', 'Antalya', 'Konya', 'Eskişehir', 'Gaziantep', 'Kayseri', 'Muğla', 'Trabzon', 'Çanakkale', 'Şanlıurfa', 'Diyarbakır'];
const SOURCES = ['web', 'referral', 'instagram', 'fair', 'phone', 'walk-in'];
const STATUSES = ['lead', 'active', 'active', 'active', 'inactive', 'lost'] as const;
const TAGS = [
  { name: 'VIP', color: 'yellow' },
  { name: 'Toptan', color: 'blue' },
  { name: 'Perakende', color: 'teal' },
  { name: 'Yeni', color: 'green' },
  { name: 'Sadık müşteri', color: 'grape' },
  { name: 'Kurumsal', color: 'indigo' },
  { name: 'Öğrenci', color: 'orange' },
  { name: 'Geri aranacak', color: 'red' },
];
const PRODUCTS = [
  { name: 'Çay (1 kg)', priceMinor: 32_000, vatBp: 1000 },
  { name: 'Türk kahvesi (250 g)', priceMinor: 18_500, vatBp: 1000 },
  { name: 'Kurulum hizmeti', priceMinor: 150_000, vatBp: 2000 },
  { name: 'Yıllık bakım', priceMinor: 480_000, vatBp: 2000 },
  { name: 'Lokum kutusu', priceMinor: 27_500, vatBp: 1000 },
  { name: 'Danışmanlık (saat)', priceMinor: 200_000, vatBp: 2000 },
];
const CALL_OUTCOMES = ['Ulaşıldı', 'Meşgul', 'Geri dönecek', 'Teklif istedi'];

/** A small fast PRNG, so a seed makes the same data on every machine. */
export function randomSource(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
  };
}

function asciiLocal(value: string): string {
  return foldTurkish(value).replace(/[^a-z0-9]+/g, '.').replace(/^\.|\.$/g, '');
}

/** Half away from zero, in integer arithmetic: VAT of one line in minor units. */
function lineVat(subtotalMinor: number, vatBp: number): number {
  return Math.round((subtotalMinor * vatBp) / 10_000);
}

async function insertInChunks<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

export type CrmDataOptions = {
  customers: number;
  /** Interactions per customer on average (0 for none). */
  interactionsPerCustomer?: number;
  /** Share of customers with purchases, 0..1. */
  purchaseShare?: number;
  ownerIds?: string[];
  seed?: number;
  /** Called after every batch with the number of customers written so far. */
  onProgress?: (written: number) => void;
};

/**
 * Writes `customers` customers (one in ten a company, most people linked to a company) with tags,
 * interactions and purchases into one business, in batches of 1,000 customers.
 */
export async function insertCrmData(db: Executor, businessId: string, options: CrmDataOptions): Promise<{ customers: number; interactions: number; purchases: number }> {
  const rng = randomSource(options.seed ?? 42);
  const interactionsPerCustomer = options.interactionsPerCustomer ?? 2;
  const purchaseShare = options.purchaseShare ?? 0.4;
  const owners = options.ownerIds ?? [];
  const tagRows = TAGS.map((tag) => ({ businessId, id: newId(), name: tag.name, color: tag.color }));
  await db.insert(tags).values(tagRows).onConflictDoNothing();
  const tagIds = (await db.select({ id: tags.id }).from(tags).where(eq(tags.businessId, businessId))).map((t) => t.id);

  const totals = { customers: 0, interactions: 0, purchases: 0 };
  const batchSize = 1000;
  const now = Date.now();
  const year = 365 * 24 * 3600 * 1000;
  for (let start = 0; start < options.customers; start += batchSize) {
    const count = Math.min(batchSize, options.customers - start);
    const customerRows: (typeof customers.$inferInsert)[] = [];
    const tagLinks: (typeof customerTags.$inferInsert)[] = [];
    const interactionRows: (typeof interactions.$inferInsert)[] = [];
    const interactionLinks: (typeof interactionCustomers.$inferInsert)[] = [];
    const purchaseRows: (typeof purchases.$inferInsert)[] = [];
    const itemRows: (typeof purchaseItems.$inferInsert)[] = [];
    let currentCompany: { id: string; name: string } | null = null;

    for (let i = 0; i < count; i++) {
      const n = start + i;
      const isCompany = n % 10 === 0;
      const id = newId();
      const city = rng.pick(CITIES);
      let name: string;
      let emails: string[];
      let companyId: string | null = null;
      let companyName: string | null = null;
      if (isCompany) {
        name = `${rng.pick(COMPANY_WORDS)} ${rng.pick(COMPANY_KINDS)} ${rng.pick(COMPANY_SUFFIXES)}`;
        emails = [`info.${n}@${asciiLocal(name.split(' ')[0]!)}.com.tr`];
        currentCompany = { id, name };
      } else {
        name = `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
        emails = [`${asciiLocal(name)}.${n}@example.com`];
        if (currentCompany && rng.next() < 0.6) {
          companyId = currentCompany.id;
          companyName = currentCompany.name;
        }
      }
      const phones = [`+90532${String(1_000_000 + n).padStart(7, '0').slice(-7)}`];
      const createdAt = new Date(now - rng.next() * 3 * year);

      // Purchases first, so the customer row carries their summary.
      let lifetimeValueMinor = 0;
      let purchaseCount = 0;
      let lastPurchaseAt: Date | null = null;
      if (rng.next() < purchaseShare) {
        const orders = rng.int(1, 3);
        for (let o = 0; o < orders; o++) {
          const purchaseId = newId();
          const orderedAt = new Date(createdAt.getTime() + rng.next() * (now - createdAt.getTime()));
          let subtotal = 0;
          let vat = 0;
          const lines = rng.int(1, 3);
          for (let position = 0; position < lines; position++) {
            const product = rng.pick(PRODUCTS);
            const quantity = rng.int(1, 5);
            const lineSubtotal = product.priceMinor * quantity;
            const lineVatMinor = lineVat(lineSubtotal, product.vatBp);
            subtotal += lineSubtotal;
            vat += lineVatMinor;
            itemRows.push({
              businessId,
              purchaseId,
              position,
              name: product.name,
              quantityMilli: quantity * 1000,
              unitPriceMinor: product.priceMinor,
              vatRateBp: product.vatBp,
              lineSubtotalMinor: lineSubtotal,
              lineVatMinor,
            });
          }
          purchaseRows.push({
            businessId,
            id: purchaseId,
            customerId: id,
            orderedAt,
            status: 'paid',
            currency: 'TRY',
            subtotalMinor: subtotal,
            vatMinor: vat,
            totalMinor: subtotal + vat,
          });
          lifetimeValueMinor += subtotal + vat;
          purchaseCount++;
          if (!lastPurchaseAt || orderedAt > lastPurchaseAt) lastPurchaseAt = orderedAt;
        }
      }

      let lastInteractionAt: Date | null = null;
      const interactionCount = interactionsPerCustomer ? rng.int(0, interactionsPerCustomer * 2) : 0;
      for (let k = 0; k < interactionCount; k++) {
        const interactionId = newId();
        const occurredAt = new Date(createdAt.getTime() + rng.next() * (now - createdAt.getTime()));
        const type = rng.pick(['call', 'email', 'meeting', 'note'] as const);
        interactionRows.push({
          businessId,
          id: interactionId,
          type,
          direction: type === 'note' ? null : rng.next() < 0.5 ? 'outbound' : 'inbound',
          occurredAt,
          durationMinutes: type === 'call' ? rng.int(1, 30) : type === 'meeting' ? rng.int(15, 90) : null,
          subject: type === 'call' ? 'Telefon görüşmesi' : type === 'email' ? 'Teklif hakkında' : type === 'meeting' ? 'Tanışma toplantısı' : 'Not',
          body: 'Müşteriyle görüşüldü; sipariş ayrıntıları konuşuldu.',
          outcome: type === 'call' ? rng.pick(CALL_OUTCOMES) : null,
        });
        interactionLinks.push({ businessId, interactionId, customerId: id, occurredAt });
        if (!lastInteractionAt || occurredAt > lastInteractionAt) lastInteractionAt = occurredAt;
      }

      customerRows.push({
        businessId,
        id,
        kind: isCompany ? 'company' : 'person',
        name,
        companyId,
        jobTitle: isCompany ? null : rng.pick([null, 'Satın alma müdürü', 'Genel müdür', 'Muhasebe', 'Satış temsilcisi']),
        emails,
        phones,
        city,
        country: 'TR',
        taxNumber: isCompany ? String(1_000_000_000 + n) : null,
        taxOffice: isCompany ? `${city} Vergi Dairesi` : null,
        source: rng.pick(SOURCES),
        status: rng.pick(STATUSES),
        ownerId: owners.length ? rng.pick(owners) : null,
        searchText: searchText([name, companyName, ...emails, ...phones]),
        sortName: turkishSortKey(name),
        lifetimeValueMinor,
        purchaseCount,
        lastPurchaseAt,
        lastInteractionAt,
        createdAt,
        updatedAt: createdAt,
      });
      if (tagIds.length && rng.next() < 0.5) tagLinks.push({ businessId, customerId: id, tagId: rng.pick(tagIds) });
    }

    // Companies come first in each batch, so people can point at them within one insert.
    await db.insert(customers).values(customerRows);
    if (tagLinks.length) await db.insert(customerTags).values(tagLinks).onConflictDoNothing();
    await insertInChunks(interactionRows, 2000, (chunk) => db.insert(interactions).values(chunk));
    await insertInChunks(interactionLinks, 5000, (chunk) => db.insert(interactionCustomers).values(chunk));
    await insertInChunks(purchaseRows, 3000, (chunk) => db.insert(purchases).values(chunk));
    await insertInChunks(itemRows, 5000, (chunk) => db.insert(purchaseItems).values(chunk));
    totals.customers += count;
    totals.interactions += interactionRows.length;
    totals.purchases += purchaseRows.length;
    options.onProgress?.(totals.customers);
  }
  return totals;
}
