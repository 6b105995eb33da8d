import pg from 'pg';

/**
 * Fresh, empty PostgreSQL stores (for tests and benchmarks) inside the database at `baseUrl`: one schema each, named
 * after this process, reached through a URL that sets search_path. `dropAll` removes them.
 */
export function scratchPostgresSchemas(baseUrl: string): { create(): Promise<string>; dropAll(): Promise<void> } {
  const prefix = `marsad_test_${process.pid}_${Date.now().toString(36)}`;
  const created: string[] = [];
  const admin = async <T>(fn: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: baseUrl });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  };
  return {
    async create() {
      const schema = `${prefix}_${created.length + 1}`;
      created.push(schema);
      await admin(async (client) => {
        // In public, shared by every schema, so that dropping one schema never drops it.
        await client.query('CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public');
        await client.query(`CREATE SCHEMA ${schema}`);
      });
      const url = new URL(baseUrl);
      url.searchParams.set('options', `-c search_path=${schema},public`);
      return url.toString();
    },
    async dropAll() {
      if (created.length === 0) return;
      await admin(async (client) => {
        for (const schema of created) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      });
    },
  };
}
