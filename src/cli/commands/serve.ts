import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { addDbOption, openDb, parseCount } from '../options.js';
import { startServer, DEFAULT_HOST, DEFAULT_PORT } from '../../server/serve.js';
import { DEFAULT_WEB_DIR } from '../../server/static.js';
import { pipelineAnalyzer } from '../../server/analyzer.js';

export function registerServe(program: Command): void {
  addDbOption(
    program
      .command('serve')
      .description('serve the HTTP API (/api, described at /api/openapi.json) and the web app')
      .option('--host <host>', 'address to bind; the API has no authentication, so keep it local', DEFAULT_HOST)
      .option('--port <port>', 'port (0 picks a free one)', parseCount, DEFAULT_PORT),
  ).action(async (opts: { db?: string; host: string; port: number }) => {
    const repo = await openDb(opts);
    try {
      const server = await startServer({ repo, analyzer: pipelineAnalyzer(), host: opts.host, port: opts.port });
      const web = existsSync(DEFAULT_WEB_DIR) ? `${server.url}/` : 'not built (run npm run build)';
      process.stderr.write(`marsad: API ${server.url}/api/openapi.json, web app ${web}; Ctrl-C stops\n`);
      if (!['127.0.0.1', 'localhost', '::1'].includes(opts.host)) {
        process.stderr.write(
          `marsad: warning: listening on ${opts.host}: the API has no authentication and its POST routes write to the store\n`,
        );
      }
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await server.close();
    } finally {
      await repo.close();
    }
  });
}
