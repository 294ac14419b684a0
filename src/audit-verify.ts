import { existsSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { type ChainReport, verifyChain } from './audit/chain-verification.js';
import { loadConfig } from './config/app-config.js';
import { type DatabaseServer, ExternalPostgres } from './infrastructure/database/database-server.js';
import { EmbeddedPostgres } from './infrastructure/database/embedded/embedded-postgres.js';

/** Exit codes: the chain is whole, problems were found, the check could not run. */
const EXIT = { ok: 0, problems: 1, couldNotRun: 2 } as const;

class CannotRun extends Error {}

async function openDatabase(): Promise<DatabaseServer> {
  const config = loadConfig();
  if (config.mode === 'server') return new ExternalPostgres(config.databaseUrl!);
  // Starting on a folder with no database would create an empty one and call it whole.
  if (!existsSync(path.join(config.dataDir, 'pg', 'PG_VERSION'))) {
    throw new CannotRun(`没有嵌入式数据库：${config.dataDir} / No embedded database in ${config.dataDir} (set TONGBAN_DATA_DIR, or DATABASE_URL for server mode)`);
  }
  return EmbeddedPostgres.start(config.dataDir, 1);
}

function print(report: ChainReport): void {
  if (report.ok) {
    console.log(`审计链完整：已校验 ${report.checked} 条记录 / Audit chain intact: ${report.checked} entries verified`);
    return;
  }
  console.log(`审计链发现 ${report.problems.length} 处问题（已校验 ${report.checked} 条记录）/ Audit chain: ${report.problems.length} problem(s) found (${report.checked} entries verified)`);
  for (const problem of report.problems) {
    console.log(`  [${problem.kind}] seq ${problem.seq}${problem.id ? ` id ${problem.id}` : ''}: ${problem.message.zh} / ${problem.message.en}`);
  }
  if (report.truncated) console.log('  …（仅列出前若干处 / only the first problems are listed）');
}

/**
 * `npm run audit:verify`: walks the audit chain of the configured database (the same configuration as the
 * app) and says whether it is whole. In embedded mode the app must not be running: PGlite has one user.
 */
async function main(): Promise<number> {
  const server = await openDatabase();
  const client = new pg.Client({ connectionString: server.url });
  try {
    await client.connect();
    const report = await verifyChain(async (sql, parameters) => (await client.query(sql, parameters)).rows);
    print(report);
    if (process.argv.includes('--json')) console.log(JSON.stringify(report));
    return report.ok ? EXIT.ok : EXIT.problems;
  } finally {
    await client.end().catch(() => undefined);
    await server.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`无法校验审计链 / Could not verify the audit chain: ${error instanceof Error ? error.message : error}`);
    process.exit(EXIT.couldNotRun);
  },
);
