/** Opens the store named by `--db`, `MARSAD_DB`, or the default `./marsad.db`. */
import type { Repository } from './repository.js';
import { SqliteRepository } from './sqlite.js';

export const DEFAULT_DB_PATH = './marsad.db';

export function resolveDbLocation(option?: string): string {
  return option || process.env.MARSAD_DB || DEFAULT_DB_PATH;
}

export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//.test(location);
}

/** A `postgres://` URL opens PostgreSQL; anything else is a SQLite file path. */
export async function openRepository(location: string): Promise<Repository> {
  if (isPostgresUrl(location)) {
    // Loaded only when asked for, so SQLite users never load the pg driver.
    const { PostgresRepository } = await import('./postgres.js');
    return PostgresRepository.open(location);
  }
  return new SqliteRepository(location);
}
