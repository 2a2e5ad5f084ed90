/**
 * Objects of a response, keyed by response keys. A plain object, not one without a prototype: V8 keeps
 * objects made from `{}` with the same keys in one compact shape, where `Object.create(null)` makes a hash
 * table (2.4 times the memory and 1.5 times the time, at a quarter of a million network edges). A response
 * key is any name a client picks, `__proto__` included, so that one key is defined rather than assigned.
 */
export function put(object: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  else object[key] = value;
}
