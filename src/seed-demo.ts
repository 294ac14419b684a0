import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module.js';
import { prepareDatabase } from './boot.js';
import { DemoSeeder, printAccounts } from './seed/demo-seeder.service.js';

/** `npm run seed:demo`: seeds the demo service centre into an empty database (server mode seeds nothing by itself). */
async function main(): Promise<void> {
  const app = await NestFactory.createApplicationContext(AppModule, { logger: ['error', 'warn'] });
  try {
    await prepareDatabase(app);
    const seeder = app.get(DemoSeeder);
    if (!(await seeder.isEmpty())) throw new Error('The database already has departments: the demo centre is seeded into an empty database only.');
    const { accounts, file } = await seeder.seed();
    if (process.argv.includes('--json')) console.log(JSON.stringify({ accounts, file }));
    else printAccounts(accounts, file);
  } finally {
    await app.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
