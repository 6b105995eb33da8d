/**
 * `marsad serve --processes N`: N server processes share one listening socket (node:cluster), so
 * the API's reads use every core. Each process opens the store itself; SQLite's change mark
 * (data_version) tells each of them when another has written, so their kept answers stay true.
 * The first process runs no server: it starts the others, starts one again when one dies
 * unexpectedly, and stops them all on SIGINT or SIGTERM.
 */
import cluster, { type Worker } from 'node:cluster';

/** A process that dies this soon after it started is not started again: it would only die again. */
const EARLY_EXIT_MS = 5_000;

export interface ServeProcessesOptions {
  processes: number;
  /** Told once, when the first process listens. */
  onListening: (address: { address: string; port: number }) => void;
  log?: (line: string) => void;
}

/** Whether this process is one of the servers started by runServeProcesses. */
export function isServeProcess(): boolean {
  return cluster.isWorker;
}

/**
 * Starts the server processes (this same command, run again) and resolves with the exit code
 * once they have all stopped: 0 after a signal, 1 when a process died before it could serve.
 */
export function runServeProcesses(options: ServeProcessesOptions): Promise<number> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const started = new Map<Worker, number>();
  let stopping = false;
  let told = false;
  let failed = false;

  const start = () => started.set(cluster.fork(), Date.now());

  return new Promise((resolve) => {
    cluster.on('listening', (_worker, address) => {
      if (told) return;
      told = true;
      options.onListening({ address: address.address ?? '127.0.0.1', port: address.port });
    });
    cluster.on('exit', (worker, code, signal) => {
      const since = Date.now() - (started.get(worker) ?? 0);
      started.delete(worker);
      if (!stopping) {
        const why = signal ? `signal ${signal}` : `code ${code}`;
        if (since < EARLY_EXIT_MS) {
          log(`marsad: a server process stopped (${why}) ${since} ms after it started: stopping them all`);
          failed = true;
          stop();
        } else {
          log(`marsad: a server process stopped (${why}); starting another`);
          start();
        }
      }
      if (started.size === 0) resolve(failed ? 1 : 0);
    });
    const stop = () => {
      stopping = true;
      for (const worker of started.keys()) worker.process.kill('SIGTERM');
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    for (let i = 0; i < options.processes; i++) start();
  });
}
