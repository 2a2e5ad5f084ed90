/**
 * Refuses request bodies over `maxBytes` with 413 and a GraphQL error, before they are parsed: by the
 * declared Content-Length when there is one, else by counting the streamed (chunked) body as it arrives.
 *
 * A refused body is still read to its end (and thrown away) when it is at most ten times the limit, so the
 * client, still sending, gets the 413 rather than a reset connection, and the connection stays usable; a
 * larger one is not read, and its connection is closed after the answer.
 */
import type { Plugin } from 'graphql-yoga';
import { createGraphQLError } from 'graphql-yoga';

const DRAIN_FACTOR = 10;

function tooLarge(maxBytes: number, closeConnection: boolean): Error {
  return createGraphQLError(`The request body is larger than ${maxBytes} bytes; send a shorter query and pass values as variables.`, {
    extensions: {
      code: 'REQUEST_TOO_LARGE',
      // An unread rest of the body would otherwise be taken for the next request on this connection.
      http: { status: 413, ...(closeConnection ? { headers: { connection: 'close' } } : {}) },
    },
  });
}

interface Read {
  /** The body, when it fit in `maxBytes`. */
  bytes?: Uint8Array<ArrayBuffer>;
  /** Whether the stream was read to its end. */
  ended: boolean;
}

/** Reads the body, keeping at most `maxBytes` and reading on (to discard) up to `drainBytes` in all. */
async function read(body: ReadableStream<Uint8Array>, maxBytes: number, drainBytes: number): Promise<Read> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > drainBytes) {
      await reader.cancel().catch(() => {});
      return { ended: false };
    }
    if (size <= maxBytes) chunks.push(value);
  }
  if (size > maxBytes) return { ended: true };
  const bytes = new Uint8Array(new ArrayBuffer(size));
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { bytes, ended: true };
}

export function useBodyLimit(maxBytes: number): Plugin {
  const drainBytes = maxBytes * DRAIN_FACTOR;
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      if (request.method === 'GET' || request.method === 'HEAD' || !requestParser) return;
      const declared = request.headers.get('content-length');
      // Node's HTTP parser holds the body to its Content-Length, so the header can be trusted.
      if (declared !== null && Number(declared) <= maxBytes) return;
      if (declared !== null && Number(declared) > drainBytes) throw tooLarge(maxBytes, true);
      setRequestParser(async (req) => {
        const { bytes, ended } = req.body ? await read(req.body, maxBytes, drainBytes) : { bytes: new Uint8Array(new ArrayBuffer(0)), ended: true };
        if (!bytes) throw tooLarge(maxBytes, !ended);
        return requestParser(new fetchAPI.Request(req.url, { method: req.method, headers: req.headers, body: bytes }));
      });
    },
  };
}
