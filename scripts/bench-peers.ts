/*
 * Side by side with a peer: the same four API calls against Tezgah and against a Directus
 * instance, interleaved call by call so both see the same machine load. Run by `npm run bench`
 * when BENCH_DIRECTUS_URL is set (see docs/benchmarks.md for how to start Directus beside it).
 *
 * Directus gets a `customers` collection shaped like Tezgah's list columns (name, e-mail, phone,
 * city, created), an index on the name it sorts by, and BENCH_DIRECTUS_ROWS rows (10,000), made
 * once. Calls use its admin static token (BENCH_DIRECTUS_TOKEN), so no permission lookup is
 * cheaper or dearer than Tezgah's API key with the admin role.
 */
import { randomUUID } from 'node:crypto';

export type PeerOperation = { name: string; rows: number; run: (i: number) => Promise<void> };

type Peer = { url: string; token: string; rows: number };

const COLLECTION = 'bench_customers';
const FIRST = ['Ayşe', 'Mehmet', 'Zeynep', 'Mustafa', 'Elif', 'Ahmet', 'Fatma', 'Emre', 'Şule', 'İsmail', 'Gül', 'Oğuz'];
const LAST = ['Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Öztürk', 'Aydın', 'Arslan', 'Doğan', 'Kılıç', 'Işık', 'Güneş'];
const CITIES = ['İstanbul', 'Ankara', 'İzmir', 'Bursa', 'Antalya', 'Eskişehir'];

export function directusFromEnv(): Peer | null {
  const url = process.env.BENCH_DIRECTUS_URL;
  if (!url) return null;
  const token = process.env.BENCH_DIRECTUS_TOKEN;
  if (!token) throw new Error('BENCH_DIRECTUS_URL is set without BENCH_DIRECTUS_TOKEN (the admin static token)');
  return { url: url.replace(/\/$/, ''), token, rows: Number(process.env.BENCH_DIRECTUS_ROWS ?? 10_000) };
}

async function call(peer: Peer, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${peer.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${peer.token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`Directus ${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}

function person(i: number): Record<string, string> {
  const name = `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]} ${i}`;
  return { id: randomUUID(), name, email: `kisi${i}@example.com`, phone: `0532 ${String(100 + (i % 900))} ${String(10 + (i % 90))} ${String(10 + ((i * 7) % 90))}`, city: CITIES[i % CITIES.length]! };
}

/** Makes the collection and its rows once; later runs find them. */
async function prepare(peer: Peer): Promise<string[]> {
  const collections = (await call(peer, 'GET', '/collections')) as { data: { collection: string }[] };
  if (!collections.data.some((c) => c.collection === COLLECTION)) {
    await call(peer, 'POST', '/collections', {
      collection: COLLECTION,
      meta: { icon: 'person' },
      schema: {},
      fields: [
        { field: 'id', type: 'uuid', meta: { special: ['uuid'], hidden: true }, schema: { is_primary_key: true } },
        { field: 'name', type: 'string', schema: { is_indexed: true, is_nullable: false } },
        { field: 'email', type: 'string' },
        { field: 'phone', type: 'string' },
        { field: 'city', type: 'string' },
        { field: 'date_created', type: 'timestamp', meta: { special: ['date-created'] } },
      ],
    });
  }
  const counted = (await call(peer, 'GET', `/items/${COLLECTION}?aggregate[count]=*`)) as { data: { count: string | number }[] };
  let have = Number(counted.data[0]?.count ?? 0);
  while (have < peer.rows) {
    const batch = Array.from({ length: Math.min(1000, peer.rows - have) }, (_, k) => person(have + k));
    await call(peer, 'POST', `/items/${COLLECTION}`, batch);
    have += batch.length;
  }
  const some = (await call(peer, 'GET', `/items/${COLLECTION}?fields=id&limit=500&sort=-name`)) as { data: { id: string }[] };
  return some.data.map((r) => r.id);
}

const SEARCHES = ['ayşe', 'yılmaz', 'ŞAHİN', 'kaya 1', 'öztürk', '0532 1', 'example.com', 'mehmet kaya', 'işık', 'güneş 9'];

/**
 * Pairs of operations, Tezgah's and the peer's, to be measured interleaved. `tezgah` is the
 * Tezgah side of each: a GET of a path (list, search, one) or a create.
 */
export async function directusPairs(
  peer: Peer,
  tezgah: { get: (path: string) => Promise<unknown>; create: (i: number) => Promise<void>; profileIds: string[]; rows: number },
): Promise<[PeerOperation, PeerOperation][]> {
  const ids = await prepare(peer);
  const t = (name: string, run: (i: number) => Promise<void>): PeerOperation => ({ name: `tezgah.${name}`, rows: tezgah.rows, run });
  const d = (name: string, run: (i: number) => Promise<void>): PeerOperation => ({ name: `directus.${name}`, rows: peer.rows, run });
  return [
    [t('list50', async () => void (await tezgah.get('/api/v1/customers?limit=50'))), d('list50', async () => void (await call(peer, 'GET', `/items/${COLLECTION}?limit=50&sort=name`)))],
    [
      t('search', async (i) => void (await tezgah.get(`/api/v1/customers?limit=50&search=${encodeURIComponent(SEARCHES[i % SEARCHES.length]!)}`))),
      d('search', async (i) => void (await call(peer, 'GET', `/items/${COLLECTION}?limit=50&sort=name&search=${encodeURIComponent(SEARCHES[i % SEARCHES.length]!)}`))),
    ],
    [
      t('get', async (i) => void (await tezgah.get(`/api/v1/customers/${tezgah.profileIds[i % tezgah.profileIds.length]!}`))),
      d('get', async (i) => void (await call(peer, 'GET', `/items/${COLLECTION}/${ids[i % ids.length]!}`))),
    ],
    [t('create', (i) => tezgah.create(i)), d('create', async (i) => void (await call(peer, 'POST', `/items/${COLLECTION}`, { ...person(peer.rows + i), id: randomUUID() })))],
  ];
}
