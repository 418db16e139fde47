/**
 * Lines that open a new block of a plan: heading, list and box markers, bullets. Normalize (is a
 * page-break join safe?) and layout (may a hard-wrapped line be joined to the next?) ask it; a
 * marker or caption label set apart from its title by a wide gap (`第一章   总体要求`) tells the
 * PDF reader and layout that a line is a heading, not a table row.
 */

// 一、 一． （一） (一) 1． 1. 1、 （1） 第X章/节/条/部分/篇 专栏 附件 附表, bullets; `1.5%` is no marker.
const BLOCK_START =
  /^(?:[一二三四五六七八九十百]+[、．.]|[（(][一二三四五六七八九十百\d]+[）)]|\d+[．.、](?!\d)|第[一二三四五六七八九十百\d]+[章节条部分篇]|专栏|附件|附表|[-—●·■◆□○•])/;

/** True when `line` (without indentation) starts with a heading, list or box marker or a bullet. */
export function startsBlock(line: string): boolean {
  return BLOCK_START.test(line);
}

// A heading marker or a caption label standing alone: 第一章, 第二篇, 一、, （一）, 专栏3, 表1, 附件2.
const LABEL = /^(?:第[一二三四五六七八九十百零〇\d]+[篇章节部分]|[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十百\d]+[）)]|专栏 ?\d*|表 ?\d+|附件 ?\d*)$/;

/** True when `cell` (trimmed) is a heading marker or caption label and nothing else. */
export function isHeadingLabel(cell: string): boolean {
  return LABEL.test(cell.trim());
}
