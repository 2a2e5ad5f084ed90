/**
 * Refuses request bodies over `maxBytes` with 413 and a GraphQL error, before they are parsed: by the
 * declared Content-Length when there is one, else by counting the streamed (chunked) body as it arrives.
 */
import type { Plugin } from 'graphql-yoga';
import { createGraphQLError } from 'graphql-yoga';

function tooLarge(maxBytes: number): Error {
  return createGraphQLError(`The request body is larger than ${maxBytes} bytes; send a shorter query and pass values as variables.`, {
    // The rest of the body is left unread: the connection cannot carry another request.
    extensions: { code: 'REQUEST_TOO_LARGE', http: { status: 413, headers: { connection: 'close' } } },
  });
}

/** The body read up to `maxBytes`; undefined when it is longer (reading stops there). */
async function readAtMost(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      return undefined;
    }
    chunks.push(value);
  }
  const all = new Uint8Array(new ArrayBuffer(size));
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return all;
}

export function useBodyLimit(maxBytes: number): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      if (request.method === 'GET' || request.method === 'HEAD' || !requestParser) return;
      const declared = request.headers.get('content-length');
      if (declared !== null) {
        // Node's HTTP parser holds the body to its Content-Length, so the header can be trusted.
        if (Number(declared) > maxBytes) throw tooLarge(maxBytes);
        return;
      }
      setRequestParser(async (req) => {
        const bytes = req.body ? await readAtMost(req.body, maxBytes) : new Uint8Array(new ArrayBuffer(0));
        if (!bytes) throw tooLarge(maxBytes);
        return requestParser(new fetchAPI.Request(req.url, { method: req.method, headers: req.headers, body: bytes }));
      });
    },
  };
}
