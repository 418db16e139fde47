/**
 * Orders strings by UTF-16 code units. Unlike String.prototype.localeCompare, the order is the same
 * whatever the locale of the machine (output must not change with LANG), and the first call does
 * not set up ICU's collator (some 10 ms of a short command).
 */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
