/**
 * At most `maxConcurrent` database reads of the API at once; the rest wait their turn, in order, for at most
 * `queueTimeoutMs`. Neo4j's transaction timeout starts when a transaction begins, so without a gate fifty
 * requests on a small server share its cores and a cheap query can time out while it waits for a turn;
 * with it, the timeout measures the query, and a burst waits here instead of inside Neo4j.
 */
import { EntenteError } from '../../errors.ts';
import type { Graph } from '../../graph/graph.ts';

export class QueryGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly maxConcurrent: number,
    readonly queueTimeoutMs: number,
  ) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.enter();
    try {
      return await work();
    } finally {
      this.leave();
    }
  }

  private enter(): Promise<void> {
    if (this.running < this.maxConcurrent) {
      this.running += 1;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const turn = () => {
        clearTimeout(timer);
        this.running += 1;
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(turn), 1);
        reject(new EntenteError('SERVER_BUSY', `The server is busy (every one of its ${this.maxConcurrent} database slots stayed taken for ${this.queueTimeoutMs / 1000} s): try again in a few seconds.`));
      }, this.queueTimeoutMs);
      this.waiting.push(turn);
    });
  }

  private leave(): void {
    this.running -= 1;
    this.waiting.shift()?.();
  }
}

/**
 * A view of `graph` for the API: its reads pass through `gate`, and it cannot write (the API never does;
 * this makes a mistake fail loudly instead of writing). Everything else is the graph's own.
 */
export function gatedGraph(graph: Graph, gate: QueryGate): Graph {
  const view = Object.create(graph) as Graph;
  view.read = (name, params) => gate.run(() => graph.read(name, params));
  view.readText = (text, params) => gate.run(() => graph.readText(text, params));
  view.write = () => Promise.reject(new EntenteError('READ_ONLY', 'The API does not write: seeding and imports run through the command line.'));
  return view;
}
