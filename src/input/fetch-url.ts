/**
 * One bounded HTTP GET, shared by `marsad ingest URL` and `marsad watch`: redirects followed by
 * hand up to a cap, and the body read chunk by chunk and dropped as soon as it passes a size cap,
 * so a huge or endless response, or a gzip bomb, costs a few megabytes, not the machine.
 *
 * fetch (undici) inflates gzip, deflate and brotli itself and never shows the bytes on the wire;
 * the inflated bytes are counted as they arrive, and the compressed size is checked where the
 * server declares it (Content-Length). A compressed stream that inflates to little is bounded
 * by the timeout, and never by memory, since nothing is kept but the inflated bytes.
 */
import { isRecord } from '../core/unknown.js';

export interface ResponseLimits {
  /** The body after decompression, in bytes. */
  maxBytes: number;
  /** The body as sent (Content-Length of a compressed response), in bytes. */
  maxCompressedBytes: number;
  /** Redirects followed before giving up. */
  maxRedirects: number;
}

export const DEFAULT_RESPONSE_LIMITS: ResponseLimits = {
  maxBytes: 20 * 1024 * 1024,
  maxCompressedBytes: 10 * 1024 * 1024,
  maxRedirects: 5,
};

/** A response whose body passed a cap; never worth retrying. */
export class ResponseTooLarge extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ResponseTooLarge';
  }
}

/** Too many redirects, or a redirect without a usable Location; never worth retrying. */
export class RedirectFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RedirectFailure';
  }
}

export interface BoundedResponse {
  status: number;
  statusText: string;
  ok: boolean;
  headers: Headers;
  /** The address the body came from, after redirects. */
  url: string;
  body: Buffer;
}

export interface BoundedFetchOptions {
  headers?: Record<string, string>;
  signal?: AbortSignal;
  limits?: Partial<ResponseLimits>;
  /** Injected for tests; defaults to global fetch. */
  fetch?: typeof fetch;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export async function fetchBounded(url: string, options: BoundedFetchOptions = {}): Promise<BoundedResponse> {
  const fetchFn = options.fetch ?? fetch;
  const limits = { ...DEFAULT_RESPONSE_LIMITS, ...options.limits };
  let current = url;
  for (let redirects = 0; ; redirects++) {
    const response = await fetchFn(current, { headers: options.headers, signal: options.signal, redirect: 'manual' });
    if (REDIRECT_STATUSES.has(response.status)) {
      await response.body?.cancel().catch(() => undefined);
      if (redirects >= limits.maxRedirects)
        throw new RedirectFailure(`too many redirects (over ${limits.maxRedirects})`);
      current = redirectTarget(current, response.headers.get('location'));
      continue;
    }
    const body = await readBodyBounded(response, limits);
    return {
      status: response.status,
      statusText: response.statusText,
      ok: response.ok,
      headers: response.headers,
      url: current,
      body,
    };
  }
}

function redirectTarget(from: string, location: string | null): string {
  if (!location) throw new RedirectFailure('redirect without a Location header');
  let target: URL;
  try {
    target = new URL(location, from);
  } catch {
    throw new RedirectFailure(`redirect to an invalid address (${location.slice(0, 200)})`);
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:')
    throw new RedirectFailure(`redirect to a ${target.protocol} address`);
  return target.href;
}

/**
 * The body, or ResponseTooLarge as soon as it passes a cap. A declared length over the cap is
 * refused before any byte is read.
 */
export async function readBodyBounded(
  response: Response,
  limits: Pick<ResponseLimits, 'maxBytes' | 'maxCompressedBytes'>,
): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  const encoded = (response.headers.get('content-encoding') ?? 'identity').toLowerCase() !== 'identity';
  const declaredCap = encoded ? limits.maxCompressedBytes : limits.maxBytes;
  if (Number.isFinite(declared) && declared > declaredCap) {
    await response.body?.cancel().catch(() => undefined);
    throw new ResponseTooLarge(
      `response too large (${declared} bytes${encoded ? ' compressed' : ''} declared, limit ${declaredCap})`,
    );
  }
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    // The stream's chunks are typed any: each is checked to be bytes.
    const read: unknown = await reader.read();
    if (!isRecord(read) || read.done === true) break;
    const value = read.value;
    if (!(value instanceof Uint8Array)) throw new Error('response body: a chunk that is not bytes');
    total += value.byteLength;
    if (total > limits.maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new ResponseTooLarge(`response too large (over ${limits.maxBytes} bytes${encoded ? ' inflated' : ''})`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

/** Parses a size such as 20000000, 512k, 20m, 1g (powers of 1024); throws on anything else. */
export function parseByteSize(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kmg]?)i?b?\s*$/i.exec(text);
  if (!match) throw new Error(`invalid size "${text}": expected a number of bytes, or e.g. 512k, 20m, 1g`);
  const units: Record<string, number> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };
  const unit = units[match[2].toLowerCase()] ?? 1;
  return Math.floor(Number(match[1]) * unit);
}
