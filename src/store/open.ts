/** Opens the store named by `--db`, `MARSAD_DB`, or the default `./marsad.db`. */
import type { Repository } from './repository.js';
import { SqliteRepository } from './sqlite.js';

export const DEFAULT_DB_PATH = './marsad.db';

export function resolveDbLocation(option?: string): string {
  return option || process.env.MARSAD_DB || DEFAULT_DB_PATH;
}

export function openRepository(location: string): Repository {
  if (/^postgres(ql)?:\/\//.test(location)) {
    throw new Error(`${location}: the PostgreSQL backend is not available in this version; use a SQLite file path`);
  }
  return new SqliteRepository(location);
}
