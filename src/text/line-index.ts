/** A 1-based line and column; columns count UTF-16 code units, as editors and JS strings do. */
export interface Position {
  line: number;
  column: number;
}

/**
 * Converts 0-based offsets in a source string to 1-based line/column and back.
 * Lines end at \n, \r\n or a lone \r.
 */
export class LineIndex {
  /** Offsets at which each line starts; lineStarts[0] = 0. */
  private readonly lineStarts: number[];
  readonly length: number;

  /** 0-based offsets at which each page starts, for sources with pages (PDF); null otherwise. */
  private readonly pageStarts: readonly number[] | null;

  /** The source, to tell an offset inside a \r\n pair. */
  private readonly source: string;

  constructor(source: string, pageStarts: readonly number[] | null = null) {
    this.source = source;
    this.length = source.length;
    this.pageStarts = pageStarts;
    const starts = [0];
    for (let i = 0; i < source.length; i++) {
      const c = source.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (source.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  /** Returns the 1-based { line, column } of a 0-based offset (clamped into the source). */
  position(offset: number): Position {
    let at = Math.max(0, Math.min(offset, this.length));
    // Between the \r and \n of one line end is still the end of that line, not a column past it.
    if (at > 0 && this.source.charCodeAt(at - 1) === 13 && this.source.charCodeAt(at) === 10) at--;
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: at - this.lineStarts[lo] + 1 };
  }

  /** Returns the 1-based page of a 0-based offset, or null when the source has no pages. */
  page(offset: number): number | null {
    const starts = this.pageStarts;
    if (starts === null || starts.length === 0) return null;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  /** Returns the 0-based offset of a 1-based { line, column }. */
  offset(position: Position): number {
    const start = this.lineStarts[position.line - 1];
    if (start === undefined) throw new RangeError(`line ${position.line} is past the end`);
    return start + position.column - 1;
  }

  /** Number of lines (a trailing newline opens one more, empty line). */
  get lineCount(): number {
    return this.lineStarts.length;
  }
}
