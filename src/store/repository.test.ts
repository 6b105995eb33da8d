/** The shared repository suite against SQLite, and against PostgreSQL when MARSAD_TEST_PG is set. */
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { defineRepositorySuite } from '../testing/repository-suite.js';
import { scratchPostgresSchemas } from './postgres-schemas.js';
import { SqliteRepository } from './sqlite.js';
import { PostgresRepository } from './postgres.js';

const sqliteDir = mkdtempSync(join(tmpdir(), 'marsad-repo-'));
let sqliteFiles = 0;
defineRepositorySuite(
  'SqliteRepository',
  () => Promise.resolve(new SqliteRepository(join(sqliteDir, `store-${++sqliteFiles}.db`))),
  () => {
    rmSync(sqliteDir, { recursive: true, force: true });
    return Promise.resolve();
  },
);

const pgUrl = process.env.MARSAD_TEST_PG;
const schemas = pgUrl ? scratchPostgresSchemas(pgUrl) : null;
defineRepositorySuite(
  'PostgresRepository',
  async () => PostgresRepository.open(await schemas!.create()),
  async () => schemas?.dropAll(),
  { skip: pgUrl ? undefined : 'MARSAD_TEST_PG is not set (a postgres:// URL; see scripts/ci/setup-postgres.sh)' },
);
