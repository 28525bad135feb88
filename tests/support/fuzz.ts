/**
 * Hostile inputs for an API method, made from its zod input schema: a plausible input is built
 * from the schema, then broken (a wrong type, a missing or an extra field, a huge string, a lone
 * surrogate, deep nesting, a `__proto__` key, NaN or a huge number) or replaced whole. Only
 * inputs the schema itself refuses are kept, so every one must come back as a validation error,
 * and a method added to the API is covered with no change here. A seeded generator makes a run
 * reproducible: the seed is printed, and FUZZ_SEED replays it.
 */
import type { z } from 'zod';

export function fuzzSeed(): number {
  const given = Number(process.env.FUZZ_SEED);
  return Number.isInteger(given) ? given : 20261206;
}

type Def = { type: string; [key: string]: any };
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

function nested(depth: number, leaf: unknown, asObject: boolean): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = asObject ? { a: value } : [value];
  return value;
}

/** An object whose own key is `key`, as JSON.parse makes it: assigning `__proto__` would set the prototype instead. */
function withOwnKey(target: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const copy = { ...target };
  Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
  return copy;
}

/** Values of every JSON type and then some, each likely wrong somewhere. */
export function hostileValues(): unknown[] {
  return [
    42, -1, 1.5, 0, -0, NaN, Infinity, -Infinity, 1e308, 2 ** 53 + 1, -(2 ** 63),
    true, false, null, [], {}, '', ' ', 'x',
    '\uD800', '\uDC00abc', 'a\uD83D', '\uDFFF\uD800', '\u0000', '\u202E\u200B', 'é'.normalize('NFD'),
    'a'.repeat(100_000), '\uD83D'.repeat(20_000), 'x'.repeat(3_000_000),
    nested(5_000, 1, false), nested(5_000, 1, true), nested(100_000, 'deep', false),
    Array.from({ length: 50_000 }, (_, i) => i), Array.from({ length: 20_000 }, () => 'id'),
    JSON.parse('{"__proto__": {"polluted": true}}'),
    { constructor: { prototype: { polluted: true } } },
    { toString: 'x', valueOf: 1, hasOwnProperty: null },
  ];
}

const EXTRA_KEYS = ['__proto__', 'constructor', 'prototype', 'extra', '', '\uD800', 'toString', 'hasOwnProperty'];

/** A plausible value of a schema (not always a valid one: that is the generator's job to break anyway). */
function plausible(schema: z.ZodType, random: () => number, depth = 0): unknown {
  const def = defOf(schema);
  switch (def.type) {
    case 'string': return 'x';
    case 'number': return 1;
    case 'boolean': return false;
    case 'literal': return def.values[0];
    case 'enum': { const values = Object.values(def.entries); return values[Math.floor(random() * values.length)]; }
    case 'array': return depth > 3 ? [] : [plausible(def.element, random, depth + 1)];
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(def.shape as Record<string, z.ZodType>)) {
        const optional = ['optional', 'default'].includes(defOf(value).type);
        if (!optional || random() < 0.5) out[key] = plausible(value, random, depth + 1);
      }
      return out;
    }
    case 'optional': case 'nullable': case 'default': case 'readonly': case 'nonoptional': return plausible(def.innerType, random, depth + 1);
    case 'union': return plausible(def.options[Math.floor(random() * def.options.length)], random, depth + 1);
    case 'pipe': return plausible(def.in, random, depth + 1);
    default: return null;
  }
}

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)]!;
}

/** A path to a field of a plain-object input, at most two levels down. */
function fieldPaths(value: unknown, prefix: string[] = [], depth = 0): string[][] {
  if (!value || typeof value !== 'object' || Array.isArray(value) || depth > 1) return [];
  return Object.keys(value).flatMap((key) => [[...prefix, key], ...fieldPaths((value as Record<string, unknown>)[key], [...prefix, key], depth + 1)]);
}

function setAt(target: unknown, path: readonly string[], value: unknown, remove = false): unknown {
  if (path.length === 0) return value;
  const copy = { ...(target as Record<string, unknown>) };
  const [head, ...rest] = path;
  if (rest.length === 0 && remove) delete copy[head!];
  else copy[head!] = setAt(copy[head!], rest, value, remove);
  return copy;
}

/** One broken input: a plausible one with one to three faults, or something that is not an object at all. */
function broken(schema: z.ZodType, random: () => number, values: readonly unknown[]): unknown {
  if (random() < 0.1) return pick(values, random);
  let input = plausible(schema, random);
  const faults = 1 + Math.floor(random() * 3);
  for (let i = 0; i < faults; i++) {
    const paths = fieldPaths(input);
    const roll = random();
    if (roll < 0.55 && paths.length > 0) input = setAt(input, pick(paths, random), pick(values, random));
    else if (roll < 0.7 && paths.length > 0) input = setAt(input, pick(paths, random), undefined, true);
    else input = withOwnKey(input as Record<string, unknown>, pick(EXTRA_KEYS, random), pick(values, random));
  }
  return input;
}

/** Whether the schema refuses an input; a schema that throws on it refuses it too (the dispatcher must then say so). */
export function refuses(schema: z.ZodType, input: unknown): boolean {
  try {
    // The dispatcher reads a missing input (null or undefined) as no fields at all.
    return !schema.safeParse(input ?? {}).success;
  } catch {
    return true;
  }
}

/**
 * `count` inputs that `schema` refuses, as they arrive: over JSON when `overJson` (NaN becomes
 * null, undefined fields vanish), as objects otherwise.
 */
export function refusedInputs(schema: z.ZodType, count: number, random: () => number, overJson: boolean): unknown[] {
  const values = hostileValues();
  const out: unknown[] = [];
  for (let tries = 0; out.length < count && tries < count * 20; tries++) {
    let input = broken(schema, random, values);
    if (overJson) {
      let text: string | undefined;
      try {
        text = JSON.stringify(input);
      } catch {
        continue; // too deep to write as JSON: no client could send it either
      }
      if (text === undefined) continue;
      input = JSON.parse(text);
    }
    if (refuses(schema, input)) out.push(input);
  }
  return out;
}
