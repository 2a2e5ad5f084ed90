/**
 * A server the benchmarks start in a process of its own: it prints one line `{"url": ...}` once listening,
 * and stops on SIGTERM (bench/servers.ts, the servers of bench/graphql-cost.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { REPO_ROOT } from '../src/runtime/paths.ts';

export interface ChildServer {
  url: string;
  child: ChildProcess;
  /** Everything the process wrote so far. */
  output(): string;
  /** SIGTERM, then SIGKILL after 5 s; resolves once the process has ended. */
  stop(): Promise<void>;
}

/** Runs `node --import tsx <args>` and waits for its URL line; `label` names it when it ends first. */
export async function startChildServer(label: string, args: string[], env?: NodeJS.ProcessEnv): Promise<ChildServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'], ...(env ? { env } : {}) });
  let output = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      const line = /^\{"url":"[^"]+"\}$/m.exec(output)?.[0];
      if (line) resolve((JSON.parse(line) as { url: string }).url);
    });
    child.once('exit', (code) => reject(new Error(`the ${label} server ended with code ${code}:\n${output}`)));
  });
  return {
    url,
    child,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
