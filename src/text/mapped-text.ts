/**
 * Text that remembers where each of its UTF-16 code units came from in the source file.
 *
 * Every stage after decode hands a MappedText to the next one. `origin[i]` is the 0-based offset,
 * in the decoded source string (the whole input file as text), of the code unit `text[i]`;
 * `origin[text.length]` is the offset just past the last source code unit that `text` covers.
 * Within one contiguous piece origins never decrease; a document assembled from several pieces
 * (split of an interleaved file) may jump backwards between pieces.
 */
export interface MappedText {
  readonly text: string;
  readonly origin: Int32Array;
}

/** A change to a MappedText: replace `text[start, end)` by `replacement` (0-based, end exclusive). */
export interface Edit {
  start: number;
  end: number;
  replacement: string;
  /**
   * For text moved from elsewhere (a table cell's lines gathered onto one): the offset in the
   * input text each code unit of `replacement` was taken from. Without it, code units map by
   * position within the replaced range.
   */
  from?: readonly number[];
}

/** Builds an identity-mapped text: `origin[i] = base + i`. */
export function identityText(text: string, base = 0): MappedText {
  const origin = new Int32Array(text.length + 1);
  for (let i = 0; i <= text.length; i++) origin[i] = base + i;
  return { text, origin };
}

/**
 * Applies non-overlapping edits, sorted by start, and returns the new text with its origins.
 * A replacement's k-th code unit maps to the k-th replaced code unit (clamped to the last one),
 * so a same-length fix such as ４→4 keeps exact columns; an insertion maps to its position;
 * moved text maps to where it was taken from (`Edit.from`).
 */
export function applyEdits(input: MappedText, edits: readonly Edit[]): MappedText {
  if (edits.length === 0) return input;
  const parts: string[] = [];
  let outLength = 0;
  let cursor = 0;
  for (const edit of edits) {
    if (edit.start < cursor || edit.end < edit.start || edit.end > input.text.length) {
      throw new RangeError(`edits overlap or are out of order at ${edit.start}`);
    }
    outLength += edit.start - cursor + edit.replacement.length;
    cursor = edit.end;
  }
  outLength += input.text.length - cursor;

  const origin = new Int32Array(outLength + 1);
  let out = 0;
  cursor = 0;
  for (const edit of edits) {
    parts.push(input.text.slice(cursor, edit.start));
    origin.set(input.origin.subarray(cursor, edit.start), out);
    out += edit.start - cursor;
    parts.push(edit.replacement);
    const span = edit.end - edit.start;
    for (let k = 0; k < edit.replacement.length; k++) {
      const at = edit.from ? edit.from[k] : span === 0 ? edit.start : edit.start + Math.min(k, span - 1);
      origin[out + k] = input.origin[at];
    }
    out += edit.replacement.length;
    cursor = edit.end;
  }
  parts.push(input.text.slice(cursor));
  origin.set(input.origin.subarray(cursor, input.text.length + 1), out);
  return { text: parts.join(''), origin };
}

/** The sub-text `[start, end)` with its origins. */
export function sliceText(input: MappedText, start: number, end: number): MappedText {
  const origin = new Int32Array(end - start + 1);
  origin.set(input.origin.subarray(start, end));
  origin[end - start] = end > start ? input.origin[end - 1] + 1 : input.origin[start];
  return { text: input.text.slice(start, end), origin };
}

/** Joins pieces (each with its own origins) into one MappedText. */
export function concatTexts(pieces: readonly MappedText[]): MappedText {
  const length = pieces.reduce((n, p) => n + p.text.length, 0);
  const origin = new Int32Array(length + 1);
  let out = 0;
  for (const piece of pieces) {
    origin.set(piece.origin.subarray(0, piece.text.length), out);
    out += piece.text.length;
  }
  const last = pieces[pieces.length - 1];
  origin[length] = last ? last.origin[last.text.length] : 0;
  return { text: pieces.map((p) => p.text).join(''), origin };
}

/**
 * The source range `[start, end)` (0-based offsets into the decoded source) that the text range
 * `[start, end)` came from. An empty range maps to an empty source range at its position.
 */
export function sourceRange(input: MappedText, start: number, end: number): [number, number] {
  if (end <= start) return [input.origin[start], input.origin[start]];
  const first = input.origin[start];
  const last = input.origin[end - 1] + 1;
  return last >= first ? [first, last] : [last - 1, first + 1];
}
