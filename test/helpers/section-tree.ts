/** Hand-built section trees for stage tests that must not depend on the segment stage. */
import type { SectionNode, SectionTree } from '../../src/model/stages.js';

/** A heading to place in a synthetic tree: found in the text by `marker + title`, in reading order. */
export interface Spec {
  level: number;
  marker: string;
  title: string;
  children?: Spec[];
}

/** Builds a SectionTree by hand, the way the segment stage shapes one (ranges in `text`). */
export function buildTree(text: string, specs: Spec[]): SectionTree {
  let cursor = 0;
  const place = (spec: Spec, end: number): SectionNode => {
    const at = text.indexOf(spec.marker + spec.title, cursor);
    if (at < 0) throw new Error(`heading not in text: ${spec.marker}${spec.title}`);
    cursor = at + 1;
    const headingEnd = at + spec.marker.length + spec.title.length;
    return { level: spec.level, marker: spec.marker, ordinal: 1, title: spec.title, range: [at, end], headingRange: [at, headingEnd], text: '', textRange: [headingEnd, headingEnd], children: [] };
  };
  // Starts first, so that each node can end where the next sibling starts.
  const build = (list: Spec[], end: number): SectionNode[] => {
    const nodes = list.map((spec) => ({ spec, node: place(spec, end) }));
    // place() moved the cursor past every heading of this level; children are placed from each node on.
    return nodes.map(({ spec, node }, k) => {
      node.range[1] = k + 1 < nodes.length ? nodes[k + 1].node.range[0] : end;
      cursor = node.headingRange[1];
      node.children = build(spec.children ?? [], node.range[1]);
      const bodyEnd = node.children[0]?.range[0] ?? node.range[1];
      let bodyStart = node.headingRange[1];
      if (text[bodyStart] === '。') bodyStart++;
      node.textRange = [bodyStart, bodyEnd];
      node.text = text.slice(bodyStart, bodyEnd).trim();
      return node;
    });
  };
  return { sections: build(specs, text.length), preambleRange: [0, 0] };
}
