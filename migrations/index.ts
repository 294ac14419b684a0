import { InitialSchema1764300000000 } from './1764300000000-initial-schema.js';

/** Every migration, oldest first; listed explicitly because ESM builds cannot be globbed reliably. */
export const allMigrations = [InitialSchema1764300000000];
