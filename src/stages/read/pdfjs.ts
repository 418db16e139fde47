/**
 * pdf.js for the PDF reader, loaded on first use with the built-ins of the process left as they
 * were. The legacy build (the one for Node 20) carries core-js, which on loading replaces built-ins
 * this engine has for corner cases of the standard: Array.prototype.push by a JavaScript version
 * about 2.4× slower (V8 before 12.1 throws the wrong error on a push to a frozen length),
 * JSON.parse (for a reviver's source text) and Function.prototype.toString. For the whole process:
 * every later push, in pdf.js itself, in every stage and in a program that uses plans as a library,
 * would pay for it. What core-js replaces is put back; what it adds that Node 20 lacks
 * (Promise.withResolvers, Uint8Array.prototype.toHex …), which pdf.js needs, stays.
 */
import { importLibrary } from '../../import-library.js';

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let loading: Promise<Pdfjs> | null = null;

/** pdf.js, with its worker code, which runs in this thread (imported here, its polyfills are installed under the same watch). */
export function loadPdfjs(): Promise<Pdfjs> {
  return (loading ??= keepingBuiltins(async () => {
    const pdfjs = await importLibrary<Pdfjs>('pdfjs-dist/legacy/build/pdf.mjs');
    await importLibrary('pdfjs-dist/legacy/build/pdf.worker.mjs');
    return pdfjs;
  }));
}

/**
 * The objects whose properties a polyfill may replace: the constructors of the standard library,
 * their prototypes, and the namespaces. Named one by one: reading globalThis's other properties
 * would load the lazy ones of Node (fetch, crypto, navigator …).
 */
function builtinObjects(): object[] {
  const constructors: { prototype: object }[] = [Object, Function, Array, String, Number, Boolean, Symbol, BigInt, Promise, Map, Set, WeakMap, WeakSet, RegExp, Date, Error, ArrayBuffer, SharedArrayBuffer, DataView, Uint8Array, Object.getPrototypeOf(Uint8Array)];
  return [...constructors.flatMap((c) => [c, c.prototype]), JSON, Math, Reflect, Atomics];
}

/** Runs `load`, then puts back every property of the built-in objects it replaced (those it added stay). */
async function keepingBuiltins<T>(load: () => Promise<T>): Promise<T> {
  const before = builtinObjects().map((target) => ({ target, properties: Object.getOwnPropertyDescriptors(target) }));
  try {
    return await load();
  } finally {
    for (const { target, properties } of before) {
      for (const key of Reflect.ownKeys(properties) as (string | symbol)[]) {
        const was = properties[key as string];
        const now = Object.getOwnPropertyDescriptor(target, key);
        if (now?.configurable && !(Object.is(now.value, was.value) && now.get === was.get && now.set === was.set)) Object.defineProperty(target, key, was);
      }
    }
  }
}
