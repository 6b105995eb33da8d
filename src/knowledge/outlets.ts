/**
 * News outlets and where they are based (packs/world/outlets.json): read for ACLED's source
 * scale (src/export/sources.ts) and as a prior of an article's country (a Tunisian radio's
 * سوسة is Sousse).
 */
import { join } from 'node:path';
import { z } from 'zod';
import { PackMeta, readPack, repositoryPacksDir } from './pack.js';

const OutletSchema = z.strictObject({
  /** Written lowercase, without spaces or punctuation (see `outletKey`). */
  names: z.array(z.string().min(1)),
  hosts: z.array(z.string().min(1)),
  /** The outlet's country (ISO alpha-2), or a scope that has none. */
  home: z.union([z.string().regex(/^[A-Z]{2}$/), z.enum(['pan-arab', 'international', 'new-media'])]),
});
export type Outlet = z.infer<typeof OutletSchema>;

const OutletsFileSchema = z.strictObject({ $meta: PackMeta, outlets: z.array(OutletSchema) });

/** The outlets pack (packs/world/outlets.json), indexed by name and host. */
export interface OutletTable {
  byName: ReadonlyMap<string, Outlet>;
  outlets: readonly Outlet[];
}

export function loadOutlets(packsDir: string = repositoryPacksDir()): OutletTable {
  const { outlets } = readPack(join(packsDir, 'world', 'outlets.json'), OutletsFileSchema);
  return { outlets, byName: new Map(outlets.flatMap((o) => o.names.map((n) => [n, o] as const))) };
}

/** Lowercase letters (Latin or Arabic) and digits only, so "Libya Al-Ahrar" and "libya alahrar" meet. */
export function outletKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9\u0600-\u06ff]/g, '');
}

export function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '').toLowerCase();
  } catch {
    return null;
  }
}

function outletByHost(table: OutletTable, host: string): Outlet | undefined {
  return table.outlets.find((o) => o.hosts.some((h) => host === h || host.endsWith(`.${h}`)));
}

/** The outlet of an article, by its source name, else by the host of its URL. */
export function findOutlet(table: OutletTable, source: string | null, url: string | null): Outlet | undefined {
  const host = hostOf(url);
  return (source ? table.byName.get(outletKey(source)) : undefined) ?? (host ? outletByHost(table, host) : undefined);
}
