/**
 * One HTTP GET with a timeout, retried with exponential backoff and jitter when retrying can
 * help (network errors, timeouts, 5xx) and not when it cannot (4xx, a body over its size cap,
 * too many redirects).
 */
import {
  fetchBounded,
  RedirectFailure,
  ResponseTooLarge,
  type BoundedResponse,
  type ResponseLimits,
} from '../input/fetch-url.js';

import { errorCode } from '../core/unknown.js';

export interface RetryPolicy {
  /** Abort one attempt (headers and body) after this many ms. */
  timeoutMs: number;
  /** Attempts after the first; 0 means no retry. */
  maxRetries: number;
  /** The first retry waits about this long; each next one twice as long, capped at `retryMaxMs`. */
  retryBaseMs: number;
  retryMaxMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  timeoutMs: 20_000,
  maxRetries: 2,
  retryBaseMs: 1000,
  retryMaxMs: 30_000,
};

export interface HttpDeps {
  /** Injected for tests; defaults to global fetch. */
  fetch?: typeof fetch;
  /** Injected for tests; defaults to Math.random. */
  random?: () => number;
  /** Stops waiting and fetching (shutdown). */
  signal?: AbortSignal;
  /** Size and redirect caps (defaults: DEFAULT_RESPONSE_LIMITS). */
  limits?: Partial<ResponseLimits>;
}

export interface FetchedResponse {
  /** A 2xx, or 304 when the request was conditional. */
  status: number;
  headers: Headers;
  body: Buffer;
  attempts: number;
}

export class FetchFailure extends Error {
  constructor(
    message: string,
    readonly attempts: number,
    readonly status: number | null,
  ) {
    super(message);
    this.name = 'FetchFailure';
  }
}

const USER_AGENT = 'marsad-watch/0.1 (Arabic conflict-event observatory)';

export async function fetchWithRetry(
  url: string,
  headers: Record<string, string>,
  policy: RetryPolicy,
  deps: HttpDeps = {},
): Promise<FetchedResponse> {
  const fetchFn = deps.fetch ?? fetch;
  const random = deps.random ?? Math.random;
  const attemptsAllowed = 1 + Math.max(0, policy.maxRetries);
  for (let attempt = 1; ; attempt++) {
    const outcome = await attemptOnce(fetchFn, url, headers, policy.timeoutMs, deps);
    if (outcome.kind === 'response') return { ...outcome.response, attempts: attempt };
    if (!outcome.retriable || attempt >= attemptsAllowed || deps.signal?.aborted) {
      const tries = attempt > 1 ? ` (${attempt} attempts)` : '';
      throw new FetchFailure(`${outcome.message}${tries}`, attempt, outcome.status);
    }
    await sleep(backoffMs(attempt, policy, random), deps.signal);
  }
}

/** Exponential backoff with "equal jitter": half fixed, half random, so retries of many clients spread out. */
export function backoffMs(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.retryMaxMs, policy.retryBaseMs * 2 ** (attempt - 1));
  return ceiling / 2 + (ceiling / 2) * random();
}

type Attempt =
  | { kind: 'response'; response: Omit<FetchedResponse, 'attempts'> }
  | { kind: 'failure'; message: string; retriable: boolean; status: number | null };

async function attemptOnce(
  fetchFn: typeof fetch,
  url: string,
  headers: Record<string, string>,
  timeoutMs: number,
  deps: HttpDeps,
): Promise<Attempt> {
  const stop = deps.signal;
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), timeoutMs);
  const signal = stop ? AbortSignal.any([timeout.signal, stop]) : timeout.signal;
  try {
    // The body is read under the same timeout: a server may send headers and then stall.
    const response: BoundedResponse = await fetchBounded(url, {
      fetch: fetchFn,
      headers: { 'user-agent': USER_AGENT, ...headers },
      signal,
      limits: deps.limits,
    });
    const { body } = response;
    if (response.ok || response.status === 304) {
      return { kind: 'response', response: { status: response.status, headers: response.headers, body } };
    }
    const message = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
    return { kind: 'failure', message, retriable: response.status >= 500, status: response.status };
  } catch (e) {
    if (stop?.aborted) return { kind: 'failure', message: 'stopped', retriable: false, status: null };
    if (e instanceof ResponseTooLarge || e instanceof RedirectFailure)
      return { kind: 'failure', message: e.message, retriable: false, status: null };
    if (timeout.signal.aborted)
      return { kind: 'failure', message: `timed out after ${timeoutMs} ms`, retriable: true, status: null };
    return { kind: 'failure', message: `fetch failed (${networkMessage(e)})`, retriable: true, status: null };
  } finally {
    clearTimeout(timer);
  }
}

/** undici hides the useful part (ECONNREFUSED, ENOTFOUND) in `cause`. */
function networkMessage(e: unknown): string {
  const cause = e instanceof Error ? e.cause : undefined;
  const text =
    errorCode(cause) ??
    (cause instanceof Error ? cause.message : undefined) ??
    (e instanceof Error ? e.message : String(e));
  return text.split('\n')[0];
}

/** Waits `ms`, or less when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
