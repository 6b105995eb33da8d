/**
 * A JSON answer kept as its bytes, sent gzipped to clients that accept it. The timeline of a
 * century of news is 4 MB of JSON (a row per day and per week and type), the map's 20,000
 * markers 1.4 MB: each is compressed once, when first asked for so, and kept with the bytes.
 */
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Context } from 'hono';

const compress = promisify(gzip);

export class KeptJson {
  private gzipped: Promise<Uint8Array<ArrayBuffer>> | null = null;

  constructor(readonly bytes: Uint8Array<ArrayBuffer>) {}

  /** The answer for this request: gzipped when its Accept-Encoding allows. */
  async send(c: Context): Promise<Response> {
    c.header('Content-Type', 'application/json; charset=UTF-8');
    c.header('Vary', 'Accept-Encoding');
    if (!acceptsGzip(c.req.header('accept-encoding'))) return c.body(this.bytes);
    this.gzipped ??= compress(this.bytes).then((gzipped) => new Uint8Array(gzipped));
    c.header('Content-Encoding', 'gzip');
    return c.body(await this.gzipped);
  }
}

/** Whether an Accept-Encoding header allows gzip (named, or `*`, without q=0). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  const weights = new Map(
    header.split(',').map((part) => {
      const [name, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return [name.trim(), q === undefined ? 1 : Number(q.slice(2))] as const;
    }),
  );
  const weight = weights.get('gzip') ?? weights.get('*') ?? 0;
  return weight > 0;
}
