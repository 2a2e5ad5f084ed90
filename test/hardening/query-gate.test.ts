/** The gate in front of the API's database reads (src/api/plugins/query-gate.ts). */
import { describe, expect, it } from 'vitest';
import { gatedGraph, QueryGate } from '../../src/api/plugins/query-gate.ts';
import { testGraph } from '../support/graph.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the query gate', () => {
  it('runs at most maxConcurrent reads at once, the others in the order they came', async () => {
    const gate = new QueryGate(2, 5_000);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    await Promise.all(Array.from({ length: 6 }, (_, i) => gate.run(async () => {
      started.push(i);
      running += 1;
      most = Math.max(most, running);
      await sleep(20);
      running -= 1;
    })));
    expect(most).toBe(2);
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('answers SERVER_BUSY to a read that waited longer than queueTimeoutMs, and frees nothing it did not take', async () => {
    const gate = new QueryGate(1, 50);
    const long = gate.run(() => sleep(200));
    await expect(gate.run(async () => 'never')).rejects.toMatchObject({
      code: 'SERVER_BUSY',
      message: 'The server is busy (every one of its 1 database slots stayed taken for 0.05 s): try again in a few seconds.',
    });
    await long;
    expect(await gate.run(async () => 'next')).toBe('next');
  });

  it('frees the slot of a read that failed', async () => {
    const gate = new QueryGate(1, 1_000);
    await expect(gate.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await gate.run(async () => 'after')).toBe('after');
  });

  it('gives the API a view of the graph whose reads pass the gate and which cannot write', async () => {
    const graph = testGraph();
    try {
      const view = gatedGraph(graph, new QueryGate(1, 1_000));
      const before = graph.roundTrips.count;
      expect(await view.readText<{ result: number }>('RETURN 41 + 1 AS result')).toEqual([{ result: 42 }]);
      expect(graph.roundTrips.count).toBe(before + 1);
      expect(view.roundTrips).toBe(graph.roundTrips);
      await expect(view.write(async () => 1)).rejects.toMatchObject({ code: 'READ_ONLY' });
    } finally {
      await graph.close();
    }
  });
});
