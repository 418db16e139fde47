/** Byte sizes on the command line (--max-bytes), apart from the readers so that parsing options loads none. */

/** Default --max-bytes: 64 MiB, a hundred times the largest plans seen (a few hundred KB). */
export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

/** Parses a --max-bytes value (a whole number, optionally with K, M or G). */
export function parseByteSize(value: string): number {
  const match = /^(\d+)\s*([kKmMgG]i?[bB]?)?$/.exec(value.trim());
  if (!match) throw new Error(`expected a size such as 50000000 or 64M, got "${value}"`);
  const scale = { k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[(match[2] ?? '').charAt(0).toLowerCase() as 'k' | 'm' | 'g'] ?? 1;
  return Number(match[1]) * scale;
}
