/**
 * Lines that open a new block of a plan: heading, list and box markers, bullets. Two stages ask it:
 * normalize (is a page-break join safe?) and layout (may a hard-wrapped line be joined to the next?).
 */

// 一、 （一） (一) 1． 1. 1、 （1） 第X章/节/条/部分/篇 专栏 附件, bullets.
const BLOCK_START =
  /^(?:[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十百\d]+[）)]|\d+[．.、]|第[一二三四五六七八九十百\d]+[章节条部分篇]|专栏|附件|[-—●·■◆□○•])/;

/** True when `line` (without indentation) starts with a heading, list or box marker or a bullet. */
export function startsBlock(line: string): boolean {
  return BLOCK_START.test(line);
}
