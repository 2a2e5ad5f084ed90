/**
 * graphology's plugins are CommonJS modules typed with `export default`. Under Node's ESM loader the default
 * import is `module.exports` itself, while TypeScript (NodeNext) and some bundlers see `{ default }`; this
 * takes whichever is there, so the same import works in Node, in Vite and for the type checker.
 */
export function cjsDefault<T>(mod: { default: T }): T {
  const inner = (mod as { default?: T }).default;
  return inner ?? (mod as unknown as T);
}
