/**
 * Progress of an import: a bar with rate and ETA on a terminal, plain lines when the output is a file or a
 * pipe (CI logs), nothing when silenced (tests). Progress goes to stderr so the summary on stdout stays clean.
 */
import cliProgress from 'cli-progress';

export interface Progress {
  start(label: string, total: number): void;
  advance(count: number): void;
  stop(): void;
}

export const silentProgress: Progress = { start() {}, advance() {}, stop() {} };

export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  return stream.isTTY ? barProgress(stream) : lineProgress(stream);
}

function barProgress(stream: NodeJS.WriteStream): Progress {
  let bar: cliProgress.SingleBar | undefined;
  let started = 0;
  let done = 0;
  return {
    start(label, total) {
      bar?.stop();
      started = performance.now();
      done = 0;
      bar = new cliProgress.SingleBar(
        {
          stream,
          format: `${label.padEnd(20)} [{bar}] {percentage}% | {value}/{total} rows | {rate} rows/s | ETA {eta_formatted}`,
          barsize: 30,
          hideCursor: true,
          etaBuffer: 50,
        },
        cliProgress.Presets.shades_classic,
      );
      bar.start(total, 0, { rate: '-' });
    },
    advance(count) {
      done += count;
      bar?.update(done, { rate: rate(done, started) });
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}

function lineProgress(stream: NodeJS.WritableStream): Progress {
  let label = '';
  let total = 0;
  let done = 0;
  let started = 0;
  let lastLine = 0;
  const say = () => {
    const r = (done / Math.max((performance.now() - started) / 1000, 1e-3));
    const eta = r > 0 ? Math.ceil((total - done) / r) : 0;
    stream.write(`${label}: ${done}/${total} rows (${Math.round(r)} rows/s, ETA ${eta}s)\n`);
    lastLine = performance.now();
  };
  return {
    start(nextLabel, nextTotal) {
      label = nextLabel;
      total = nextTotal;
      done = 0;
      started = performance.now();
      lastLine = 0;
    },
    advance(count) {
      done += count;
      // One line a second at most, and always the last one.
      if (done >= total || performance.now() - lastLine >= 1000) say();
    },
    stop() {},
  };
}

function rate(done: number, started: number): string {
  const seconds = (performance.now() - started) / 1000;
  return seconds > 0 ? String(Math.round(done / seconds)) : '-';
}
