/** The timed load the benchmarks put on a server: one POST body from `connections` autocannon clients. */
import autocannon from 'autocannon';

export interface PostLoad {
  /** The latency of every answer that came back 200, in ms. */
  times: number[];
  /** Errors, timeouts and answers other than 2xx. */
  failures: number;
  /** How long the load ran, in s. */
  duration: number;
}

export async function postLoad(o: { url: string; body: string; connections: number; seconds: number; timeoutSeconds?: number }): Promise<PostLoad> {
  const times: number[] = [];
  const instance = autocannon({
    url: o.url, method: 'POST', headers: { 'content-type': 'application/json' }, body: o.body,
    connections: o.connections, duration: o.seconds, ...(o.timeoutSeconds ? { timeout: o.timeoutSeconds } : {}),
  });
  instance.on('response', (_client, status, _bytes, ms) => {
    if (status === 200) times.push(ms);
  });
  const result = await instance;
  return { times, failures: result.errors + result.timeouts + result.non2xx, duration: result.duration };
}
