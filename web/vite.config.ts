/**
 * The dashboard's build. `npm run build:web` writes web/dist, which the API server serves at `/`; the page
 * asks `/graphql` on the same origin. `vite --config web/vite.config.ts` proxies `/graphql` to a server
 * started with `npm start` for live editing.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const repo = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1024,
  },
  // The network worker imports graphology and the shared export code: bundle it as an ES module worker.
  worker: { format: 'es' },
  resolve: {
    // The export writers are shared with the CLI, which needs graphology-gexf's Node entry; the page uses the
    // browser entry (native DOMParser instead of xmldom).
    alias: [{ find: /^graphology-gexf$/, replacement: 'graphology-gexf/browser/index.js' }],
  },
  server: {
    host: '127.0.0.1',
    fs: { allow: [repo] },
    proxy: { '/graphql': process.env.ENTENTE_API ?? 'http://127.0.0.1:4000' },
  },
});
