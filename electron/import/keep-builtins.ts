/**
 * pdf.js's Node build carries core-js polyfills that, when loaded, replace some of JavaScript's
 * own functions in the whole process: JSON.stringify and JSON.parse (about 9 times slower),
 * Array.prototype.push, Function.prototype.toString. Once a user had imported one PDF, every API
 * answer the host wrote was serialized by the slow JSON.stringify. The polyfills' additions
 * (Promise.withResolvers and others Node 20 lacks, which pdf.js uses) are kept; what existed
 * before is put back, since the engine's own versions do the same, faster.
 */

/** The objects whose functions core-js replaces (and a few more it could). */
const GUARDED: readonly [string, object][] = [
  ['JSON', JSON],
  ['Object', Object],
  ['Object.prototype', Object.prototype],
  ['Array', Array],
  ['Array.prototype', Array.prototype],
  ['Function.prototype', Function.prototype],
  ['String', String],
  ['String.prototype', String.prototype],
  ['Number', Number],
  ['Math', Math],
  ['Reflect', Reflect],
  ['Promise', Promise],
  ['Promise.prototype', Promise.prototype],
  ['Map.prototype', Map.prototype],
  ['Set.prototype', Set.prototype],
  ['RegExp.prototype', RegExp.prototype],
  ['TypedArray.prototype', Object.getPrototypeOf(Uint8Array.prototype) as object],
  ['Uint8Array.prototype', Uint8Array.prototype],
];

/** Runs `load` and puts back any function of the builtins above that it replaced; returns the names. */
export async function keepingBuiltins<T>(load: () => Promise<T>): Promise<{ value: T; restored: string[] }> {
  const before = GUARDED.map(([, target]) => new Map(Reflect.ownKeys(target).map((key) => [key, Object.getOwnPropertyDescriptor(target, key)!])));
  const value = await load();
  const restored: string[] = [];
  GUARDED.forEach(([name, target], index) => {
    for (const [key, original] of before[index]!) {
      const now = Object.getOwnPropertyDescriptor(target, key);
      if (typeof original.value !== 'function' || now?.value === original.value) continue;
      Object.defineProperty(target, key, original);
      restored.push(`${name}.${String(key)}`);
    }
  });
  return { value, restored };
}
