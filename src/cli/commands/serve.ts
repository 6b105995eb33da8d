import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { addDbOption, openDb, parseCount } from '../options.js';
import { startServer, DEFAULT_HOST, DEFAULT_PORT } from '../../server/serve.js';
import { DEFAULT_WEB_DIR } from '../../server/static.js';
import { workerAnalyzer } from '../../server/analyzer-pool.js';
import { accessPolicy, isLoopbackHost } from '../../server/access.js';
import { isServeProcess, runServeProcesses } from '../../server/processes.js';

export function registerServe(program: Command): void {
  addDbOption(
    program
      .command('serve')
      .description('serve the HTTP API (/api, described at /api/openapi.json) and the web app')
      .option('--host <host>', 'address to bind; the API has no authentication, so keep it local', DEFAULT_HOST)
      .option('--port <port>', 'port (0 picks a free one)', parseCount, DEFAULT_PORT)
      .option(
        '--processes <n>',
        'server processes sharing the port (several use several cores for reads; each opens the store)',
        parseCount,
        1,
      )
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
      processes: number;
    }) => {
      if (opts.processes < 1) throw new Error('--processes: expected at least 1');
      const token = opts.token ?? process.env.MARSAD_TOKEN ?? null;
      const access = accessPolicy({ host: opts.host, token, allowedHosts: opts.allowHost });
      if (opts.processes > 1 && !isServeProcess()) {
        // Opened once here first: a missing migration is applied once, and a bad --db is told once.
        await (await openDb(opts)).close();
        process.exitCode = await runServeProcesses({
          processes: opts.processes,
          onListening: ({ address, port }) => {
            const shown = address.includes(':') ? `[${address}]` : address;
            announce(`http://${shown}:${port}`, opts.host, access.readOnly, `${opts.processes} processes`);
          },
        });
        return;
      }
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
        // With several processes, the first one tells the address, once.
        if (!isServeProcess()) announce(server.url, opts.host, access.readOnly, null);
        await new Promise<void>((resolve) => {
          process.once('SIGINT', resolve);
          process.once('SIGTERM', resolve);
        });
        await server.close();
      } finally {
        await analyzer.close();
        await repo.close();
        // A server process's channel to the first one would keep it running.
        if (isServeProcess()) process.disconnect();
      }
    },
  );
}

/** Where the API and web app are, and who may write. */
function announce(url: string, host: string, readOnly: boolean, processes: string | null): void {
  const web = existsSync(DEFAULT_WEB_DIR) ? `${url}/` : 'not built (run npm run build)';
  const served = processes === null ? '' : ` (${processes})`;
  process.stderr.write(`marsad: API ${url}/api/openapi.json, web app ${web}${served}; Ctrl-C stops\n`);
  if (readOnly) {
    process.stderr.write(
      `marsad: listening on ${host} without a token: the API is read-only (set MARSAD_TOKEN or --token to allow writing)\n`,
    );
  } else if (!isLoopbackHost(host)) {
    process.stderr.write(`marsad: listening on ${host}: writing needs Authorization: Bearer <token>\n`);
  }
}
