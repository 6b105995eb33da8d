import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { addDbOption, openDb, parseCount } from '../options.js';
import { startServer, DEFAULT_HOST, DEFAULT_PORT } from '../../server/serve.js';
import { DEFAULT_WEB_DIR } from '../../server/static.js';
import { workerAnalyzer } from '../../server/analyzer-pool.js';
import { accessPolicy, isLoopbackHost } from '../../server/access.js';

export function registerServe(program: Command): void {
  addDbOption(
    program
      .command('serve')
      .description('serve the HTTP API (/api, described at /api/openapi.json) and the web app')
      .option('--host <host>', 'address to bind; the API has no authentication, so keep it local', DEFAULT_HOST)
      .option('--port <port>', 'port (0 picks a free one)', parseCount, DEFAULT_PORT)
      .option('--extract-timeout <seconds>', 'an extraction running longer is stopped (HTTP 503)', parseCount, 120)
      .option(
        '--token <token>',
        'bearer token that writing needs (default: $MARSAD_TOKEN); required to write beyond loopback',
      )
      .option(
        '--max-article-chars <n>',
        'refuse a posted article whose title and text are longer than this (default 500000)',
        parseCount,
      )
      .option(
        '--allow-host <name>',
        'another name the Host header may carry (a proxy or DNS name; repeatable)',
        (value: string, previous: string[] = []) => [...previous, value],
      ),
  ).action(
    async (opts: {
      db?: string;
      host: string;
      port: number;
      token?: string;
      allowHost?: string[];
      extractTimeout: number;
      maxArticleChars?: number;
    }) => {
      const token = opts.token ?? process.env.MARSAD_TOKEN ?? null;
      const access = accessPolicy({ host: opts.host, token, allowedHosts: opts.allowHost });
      const repo = await openDb(opts);
      // The pipeline runs in worker threads: a long article never holds the event loop.
      const analyzer = workerAnalyzer({
        jobTimeoutMs: opts.extractTimeout * 1000,
        maxArticleChars: opts.maxArticleChars,
      });
      try {
        const server = await startServer({
          repo,
          analyzer,
          host: opts.host,
          port: opts.port,
          access,
        });
        const web = existsSync(DEFAULT_WEB_DIR) ? `${server.url}/` : 'not built (run npm run build)';
        process.stderr.write(`marsad: API ${server.url}/api/openapi.json, web app ${web}; Ctrl-C stops\n`);
        if (access.readOnly) {
          process.stderr.write(
            `marsad: listening on ${opts.host} without a token: the API is read-only (set MARSAD_TOKEN or --token to allow writing)\n`,
          );
        } else if (!isLoopbackHost(opts.host)) {
          process.stderr.write(`marsad: listening on ${opts.host}: writing needs Authorization: Bearer <token>\n`);
        }
        await new Promise<void>((resolve) => {
          process.once('SIGINT', resolve);
          process.once('SIGTERM', resolve);
        });
        await server.close();
      } finally {
        await analyzer.close();
        await repo.close();
      }
    },
  );
}
