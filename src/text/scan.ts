/**
 * Finding the next of some characters in a long text, without cutting a one-character string per
 * position (what a stage that reads a text sentence by sentence would otherwise spend most of its
 * time on). A few characters: a regular expression of one character class (nextOf), compiled
 * code. Many scattered ones (the numerals, the first characters of the verbs): a table by code unit
 * (nextIn), as a class of them in a pattern runs several times slower.
 */

/**
 * The index of the first character at or after `from` that `chars` matches, or `text.length` when
 * none does. `chars`: a class of single UTF-16 code units (BMP characters) with the `g` flag
 * (`/[。！？\n]/g`).
 */
export function nextOf(text: string, from: number, chars: RegExp): number {
  chars.lastIndex = from;
  // test, not exec: no match array is made for each of the text's sentences. The match is one
  // code unit, so it stands just before where the search stopped.
  return chars.test(text) ? chars.lastIndex - 1 : text.length;
}

/** A set of BMP code units, as a table by code unit (1: in the set). */
export type CodeUnitSet = Uint8Array;

/** The set of `members`: characters of the BMP (strings of them) or code units. */
export function codeUnitSet(members: Iterable<string | number>): CodeUnitSet {
  const set = new Uint8Array(0x10000);
  for (const member of members) {
    if (typeof member === 'number') set[member] = 1;
    else for (let i = 0; i < member.length; i++) set[member.charCodeAt(i)] = 1;
  }
  return set;
}

/** The index of the first code unit at or after `from` that `set` holds, or `text.length` when none does. */
export function nextIn(text: string, from: number, set: CodeUnitSet): number {
  let i = from;
  while (i < text.length && set[text.charCodeAt(i)] === 0) i++;
  return i;
}
