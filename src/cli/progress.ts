/**
 * Progress for long jobs: a live bar on a terminal, a plain line every few seconds otherwise
 * (logs and CI stay readable).
 */
import cliProgress from 'cli-progress';

export interface Progress {
  update(count: number, detail: string): void;
  /** Prints a line without breaking the bar. */
  log(line: string): void;
  stop(): void;
}

export function createProgress(label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: `${label} {value} articles | {rate}/s | {detail}`, stream, hideCursor: true, clearOnComplete: true },
      cliProgress.Presets.shades_classic,
    );
    const started = Date.now();
    bar.start(0, 0, { rate: 0, detail: '' });
    return {
      update(count, detail) {
        const rate = Math.round(count / Math.max(0.001, (Date.now() - started) / 1000));
        bar.update(count, { rate, detail: detail.length > 60 ? `…${detail.slice(-59)}` : detail });
      },
      log(line) {
        stream.write(`\r\x1b[K${line}\n`);
      },
      stop() {
        bar.stop();
      },
    };
  }
  let lastPrinted = Date.now();
  return {
    update(count) {
      if (Date.now() - lastPrinted >= 5000) {
        lastPrinted = Date.now();
        stream.write(`${label} ${count} articles\n`);
      }
    },
    log(line) {
      stream.write(`${line}\n`);
    },
    stop() {},
  };
}
