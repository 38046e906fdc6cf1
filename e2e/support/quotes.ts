import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { uuidv7 } from 'uuidv7';

function databaseUrl(dataDir = process.env.E2E_DATA_DIR ?? '.data-e2e'): string {
  const state = JSON.parse(fs.readFileSync(path.join(path.resolve(dataDir), 'postgres.json'), 'utf8')) as {
    user: string;
    password: string;
    port: number;
    database: string;
  };
  return `postgres://${encodeURIComponent(state.user)}:${encodeURIComponent(state.password)}@127.0.0.1:${state.port}/${encodeURIComponent(state.database)}`;
}

/**
 * A deal of the business with this slug, on a pipeline with one stage made for it: the quotes
 * journey needs a deal to hang quotes on, not the board.
 */
export async function insertDeal(slug: string, fields: { title: string; customerId: string | null }): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>('select id from businesses where slug = $1', [slug]);
    if (!rows[0]) throw new Error(`No business ${slug}`);
    const businessId = rows[0].id;
    const pipelineId = uuidv7();
    const stageId = uuidv7();
    const id = uuidv7();
    await client.query('insert into pipelines (business_id, id, name) values ($1, $2, $3)', [businessId, pipelineId, `Satış ${pipelineId.slice(-6)}`]);
    await client.query('insert into pipeline_stages (business_id, id, pipeline_id, name, position) values ($1, $2, $3, $4, 0)', [businessId, stageId, pipelineId, 'Teklif']);
    await client.query(
      `insert into deals (business_id, id, pipeline_id, stage_id, position, title, customer_id, currency)
       values ($1, $2, $3, $4, 'a0', $5, $6, 'TRY')`,
      [businessId, id, pipelineId, stageId, fields.title, fields.customerId],
    );
    return id;
  } finally {
    await client.end();
  }
}
