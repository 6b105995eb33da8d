/** Binds the app to a socket. 127.0.0.1 by default: the API has no authentication. */
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createApp, type AppOptions } from './app.js';
import { accessPolicy } from './access.js';

export interface RunningServer {
  /** e.g. http://127.0.0.1:8080 */
  url: string;
  port: number;
  close(): Promise<void>;
}

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 8080;

/** Port 0 picks a free port (tests, benchmarks). */
export function startServer(options: AppOptions & { host?: string; port?: number }): Promise<RunningServer> {
  const host = options.host ?? DEFAULT_HOST;
  const app = createApp({ ...options, access: options.access ?? accessPolicy({ host }) });
  return new Promise((resolve, reject) => {
    const server = serve(
      { fetch: app.fetch, hostname: host, port: options.port ?? DEFAULT_PORT },
      (info: AddressInfo) => {
        const shown = info.family === 'IPv6' ? `[${info.address}]` : info.address;
        resolve({
          url: `http://${shown}:${info.port}`,
          port: info.port,
          close: () =>
            new Promise<void>((done, fail) => {
              if ('closeAllConnections' in server) server.closeAllConnections();
              server.close((err) => (err ? fail(err) : done()));
            }),
        });
      },
    );
    server.once('error', reject);
  });
}
