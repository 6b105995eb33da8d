/**
 * Who may use the API. Three checks, because a server on 127.0.0.1 is still reachable from any
 * web page the user opens:
 * - the Host header must name this server (localhost, 127.0.0.1, [::1], the bound host, names
 *   allowed by hand), so a page on a DNS-rebound name cannot read or write through it (421);
 * - a request that can change something (any method but GET, HEAD, OPTIONS) must come from this
 *   origin: `Sec-Fetch-Site` same-origin or none, `Origin` this server's; a request with
 *   neither (curl, scripts) only from a loopback address or with the token (403). A "simple"
 *   cross-site POST (text/plain, no preflight) is refused this way;
 * - when a token is set (required to write when serving beyond loopback), writing needs
 *   `Authorization: Bearer <token>` (401).
 * hono/csrf does the Origin part for form content types only and refuses curl: not enough here.
 */
import { isRecord } from '../core/unknown.js';
import { timingSafeEqual } from 'node:crypto';
import { networkInterfaces, hostname } from 'node:os';
import type { Context, MiddlewareHandler } from 'hono';
import { ApiError } from './params.js';

export interface AccessPolicy {
  /** Host names (no port) the Host header may carry; lower case, IPv6 in brackets. */
  hostNames: ReadonlySet<string>;
  /** Writing needs this bearer token; null when it needs none (loopback only). */
  token: string | null;
  /** Writing is refused outright (serving beyond loopback without a token). */
  readOnly: boolean;
}

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

function bracketed(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

/**
 * The policy for a server bound to `host`. A wildcard bind (0.0.0.0, ::) answers to the
 * machine's name and addresses too. Beyond loopback, writing needs `token`, and without one the
 * API is read-only.
 */
export function accessPolicy(
  options: { host?: string; token?: string | null; allowedHosts?: string[] } = {},
): AccessPolicy {
  const host = (options.host ?? '127.0.0.1').toLowerCase();
  const names = new Set(LOOPBACK_NAMES);
  names.add(bracketed(host));
  if (host === '0.0.0.0' || host === '::' || host === '[::]') {
    names.add(hostname().toLowerCase());
    for (const list of Object.values(networkInterfaces()))
      for (const address of list ?? []) names.add(bracketed(address.address.toLowerCase()));
  }
  for (const extra of options.allowedHosts ?? []) names.add(bracketed(extra.toLowerCase()));
  const token = options.token ? options.token : null;
  return { hostNames: names, token, readOnly: !isLoopbackHost(host) && token === null };
}

/** Splits a Host header into name and port ("[::1]:8080" → "[::1]", "8080"). */
function splitHost(header: string): { name: string; port: string | null } {
  const m = /^(\[[^\]]*\]|[^:]*)(?::(\d+))?$/.exec(header.trim().toLowerCase());
  return m ? { name: m[1], port: m[2] ?? null } : { name: '', port: null };
}

function socketOf(c: Context): { localPort?: number; remoteAddress?: string } {
  // @hono/node-server puts the Node request in c.env (typed any by Hono): its socket is read if there.
  const env: unknown = c.env;
  const socket = isRecord(env) && isRecord(env.incoming) && isRecord(env.incoming.socket) ? env.incoming.socket : {};
  return {
    localPort: typeof socket.localPort === 'number' ? socket.localPort : undefined,
    remoteAddress: typeof socket.remoteAddress === 'string' ? socket.remoteAddress : undefined,
  };
}

/** The Host check for every request, and the origin check for every request that can write. */
export function guardAccess(policy: AccessPolicy): MiddlewareHandler {
  return async (c, next) => {
    const hostHeader = c.req.header('host') ?? new URL(c.req.url).host;
    const { name, port } = splitHost(hostHeader);
    const { localPort, remoteAddress } = socketOf(c);
    const portMatches = localPort === undefined || (port === null ? localPort === 80 : Number(port) === localPort);
    if (!policy.hostNames.has(name) || !portMatches)
      return c.json({ error: `this server does not answer to the host "${hostHeader.slice(0, 200)}"` }, 421);
    if (!SAFE_METHODS.has(c.req.method)) {
      const refusal = crossSiteRefusal(c, hostHeader, remoteAddress, policy);
      if (refusal) return c.json({ error: refusal }, 403);
    }
    await next();
  };
}

function crossSiteRefusal(
  c: Context,
  hostHeader: string,
  remoteAddress: string | undefined,
  policy: AccessPolicy,
): string | null {
  const site = c.req.header('sec-fetch-site');
  const origin = c.req.header('origin');
  if (site !== undefined && site !== 'same-origin' && site !== 'none')
    return `cross-site request refused (Sec-Fetch-Site: ${site.slice(0, 40)})`;
  if (origin !== undefined) {
    let originHost: string | null;
    try {
      originHost = origin === 'null' ? null : new URL(origin).host;
    } catch {
      originHost = null;
    }
    if (originHost !== hostHeader.toLowerCase()) return `cross-site request refused (Origin: ${origin.slice(0, 200)})`;
    return null;
  }
  if (site !== undefined) return null;
  // Neither header: not a browser. Fine from this machine, or with the token.
  if (remoteAddress === undefined || isLoopbackHost(remoteAddress.replace(/^::ffff:/, ''))) return null;
  if (policy.token !== null && hasToken(c, policy.token)) return null;
  return 'a request without Origin or Sec-Fetch-Site is accepted from this machine only, or with the token';
}

function hasToken(c: Context, token: string): boolean {
  const m = /^Bearer\s+(.+)$/i.exec(c.req.header('authorization') ?? '');
  if (!m) return false;
  const given = Buffer.from(m[1].trim());
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Throws unless this request may write to the store (called by the routes that store). */
export function assertMayWrite(c: Context, policy: AccessPolicy): void {
  if (policy.readOnly)
    throw new ApiError(
      403,
      'this server is read-only: serving beyond loopback, writing needs a token (MARSAD_TOKEN or --token)',
    );
  if (policy.token !== null && !hasToken(c, policy.token)) {
    c.header('WWW-Authenticate', 'Bearer');
    throw new ApiError(401, 'writing needs the token: send Authorization: Bearer <token>');
  }
}
