/** Messages between the page and the network worker. */
import type { NetworkGraph } from '../../src/export/graph.ts';
import type { NetworkFilters } from '../../src/export/network.ts';
import type { RawAnswer } from './api.ts';

export type WorkerRequest = {
  kind: 'draw';
  id: number;
  filters: NetworkFilters;
  /** Send a graph even when it is the one last sent (the page lost it, or starts over). */
  force?: boolean;
  /** The answer to this very network question, fetched by the page while the worker was starting. */
  prefetched?: RawAnswer;
};

/** When the worker started and finished its steps, in ms since the epoch (worker and page clocks differ). */
export interface WorkerTiming { received: number; fetched: number; computed: number }

export interface NationListing { code: string; name: string; region: string | null }

export type WorkerResponse =
  | { kind: 'graph'; id: number; asOf: string; graph: ReturnType<NetworkGraph['export']>; nations: NationListing[]; fetchMs: number; computeMs: number; timing: WorkerTiming }
  | { kind: 'same'; id: number; asOf: string; nations: NationListing[]; fetchMs: number; computeMs: number }
  | { kind: 'error'; id: number; message: string };
