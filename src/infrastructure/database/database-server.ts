/** Where the database is: an external PostgreSQL in server mode, an embedded one beside the app otherwise. */
export interface DatabaseServer {
  readonly url: string;
  stop(): Promise<void>;
}

export const DATABASE_SERVER = Symbol('DATABASE_SERVER');

export class ExternalPostgres implements DatabaseServer {
  constructor(readonly url: string) {}

  async stop(): Promise<void> {}
}
