/**
 * `npm run bench:audit-verify`: how long verifying the audit chain takes, in seconds per 100,000 entries. A fresh
 * PostgreSQL database is migrated and filled with `--rows` chained entries shaped like a case step's, then the
 * same walk as `npm run audit:verify` and `GET /api/audit/verification` runs over it `--runs` times, `--batch`
 * rows per query. See bench/README.md.
 */
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { allMigrations } from '../migrations/index.js';
import { entryHash, GENESIS_HASH } from '../src/audit/audit-chain-hash.js';
import { verifyChain } from '../src/audit/chain-verification.js';
import { createTestDatabase } from '../test/support/postgres.js';
import { readOptions } from './harness.js';

const DEFAULTS = { rows: 100_000, runs: 3, batch: 5000 };
const FILL_BATCH = 5000;
const RESULTS_FILE = 'bench/results/audit-verify-latest.md';

/** Inserts `rows` entries forming one valid chain, as the app writes them, and moves the head to the last. */
async function fill(client: pg.Client, rows: number): Promise<void> {
  let prevHash = GENESIS_HASH;
  const start = Date.UTC(2026, 0, 1);
  for (let first = 1; first <= rows; first += FILL_BATCH) {
    const columns: unknown[][] = Array.from({ length: 12 }, () => []);
    for (let seq = first; seq < Math.min(first + FILL_BATCH, rows + 1); seq++) {
      const entry = {
        seq, prevHash, caseId: randomUUID(), action: 'accept', actorId: randomUUID(), actorName: '窗口受理员 刘敏', actorRole: 'window_staff',
        stageFrom: 'acceptance', stageTo: 'review', comment: '材料齐全，予以受理', commandId: randomUUID(),
        details: { stageFromName: '受理', stageToName: '审查' }, at: new Date(start + seq * 1000), sourceIp: '203.0.113.7', userAgent: 'Mozilla/5.0 (bench)',
      };
      const hash = entryHash(entry);
      [seq, prevHash, hash, entry.caseId, entry.actorId, entry.commandId, JSON.stringify(entry.details), entry.at, entry.sourceIp, entry.userAgent, entry.stageFrom, entry.stageTo]
        .forEach((value, i) => columns[i].push(value));
      prevHash = hash;
    }
    await client.query(
      `INSERT INTO audit_entries (seq, prev_hash, hash, case_id, actor_id, command_id, details, at, source_ip, user_agent, stage_from, stage_to, action, actor_name, actor_role, comment)
       SELECT s, p, h, c, a, k, d, t, i, u, f, o, 'accept', '窗口受理员 刘敏', 'window_staff', '材料齐全，予以受理'
         FROM unnest($1::bigint[], $2::text[], $3::text[], $4::uuid[], $5::uuid[], $6::text[], $7::jsonb[], $8::timestamptz[], $9::text[], $10::text[], $11::text[], $12::text[])
           AS v(s, p, h, c, a, k, d, t, i, u, f, o)`,
      columns,
    );
  }
  await client.query(`UPDATE audit_chain_head SET last_seq = $1, last_hash = $2`, [rows, prevHash]);
}

async function main(): Promise<void> {
  const options = readOptions(DEFAULTS);
  const database = await createTestDatabase('tongban_bench_audit');
  const client = new pg.Client({ connectionString: database.url });
  try {
    const migrations = await new DataSource({ type: 'postgres', url: database.url, migrations: allMigrations }).initialize();
    await migrations.runMigrations({ transaction: 'each' });
    await migrations.destroy();
    await client.connect();
    const filling = performance.now();
    await fill(client, options.rows);
    console.log(`filled ${options.rows} chained entries in ${((performance.now() - filling) / 1000).toFixed(1)} s`);

    const seconds: number[] = [];
    for (let run = 0; run < options.runs; run++) {
      const began = performance.now();
      const report = await verifyChain(async (sql, parameters) => (await client.query(sql, parameters)).rows, options.batch);
      seconds.push((performance.now() - began) / 1000);
      if (!report.ok || report.checked !== options.rows) throw new Error(`the generated chain did not verify: ${JSON.stringify(report).slice(0, 500)}`);
    }
    const median = [...seconds].sort((a, b) => a - b)[Math.floor(seconds.length / 2)];
    const per100k = (median * 100_000) / options.rows;
    const table = [
      '| entries | runs | batch | median s | s per 100k entries | machine |',
      '|---:|---:|---:|---:|---:|---|',
      `| ${options.rows} | ${options.runs} | ${options.batch} | ${median.toFixed(2)} | **${per100k.toFixed(2)}** | ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, PostgreSQL server |`,
    ].join('\n');
    console.log(`\n${table}\n\naudit verification: ${per100k.toFixed(2)} s per 100k entries`);
    await writeFile(RESULTS_FILE, `# Audit chain verification (${new Date().toISOString().slice(0, 10)})\n\n${table}\n`);
  } finally {
    await client.end().catch(() => undefined);
    await database.drop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
