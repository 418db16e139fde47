/** Finding the section and the measure a text range lies in. */
import type { MeasureNode, Range, SectionNode } from '../../model/stages.js';

/** The deepest section whose range contains `[start, end)`, or null. Children are in reading order. */
export function deepestSection(sections: readonly SectionNode[], start: number, end: number): SectionNode | null {
  let found: SectionNode | null = null;
  let level: readonly SectionNode[] = sections;
  for (;;) {
    const node = lastStartingAtOrBefore(level, start, (n) => n.range);
    if (!node || node.range[1] < end) return found;
    found = node;
    level = node.children;
  }
}

/** The measure whose range contains `[start, end)`, or null. `measures` are in reading order and do not overlap. */
export function measureAt(measures: readonly MeasureNode[], start: number, end: number): MeasureNode | null {
  const measure = lastStartingAtOrBefore(measures, start, (m) => m.range);
  return measure && measure.range[1] >= end ? measure : null;
}

/** Binary search: the last item whose range starts at or before `offset`. */
function lastStartingAtOrBefore<T>(items: readonly T[], offset: number, rangeOf: (item: T) => Range): T | null {
  let low = 0;
  let high = items.length - 1;
  let best = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (rangeOf(items[mid])[0] <= offset) {
      best = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return best >= 0 ? items[best] : null;
}

/** Non-overlapping ranges in reading order, asked whether they contain a range. */
export class RangeSet {
  private readonly ranges: Range[];

  constructor(ranges: Range[]) {
    this.ranges = [...ranges].sort((a, b) => a[0] - b[0]);
  }

  /** Whether one range of the set contains `[start, end)`. */
  contains(start: number, end: number): boolean {
    const range = lastStartingAtOrBefore(this.ranges, start, (r) => r);
    return range !== null && range[1] >= end;
  }

  /** Whether one range of the set overlaps `[start, end)`. */
  overlaps(start: number, end: number): boolean {
    const range = lastStartingAtOrBefore(this.ranges, end - 1, (r) => r);
    return range !== null && range[1] > start;
  }
}
