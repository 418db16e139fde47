/**
 * Word's automatic list numbering (word/numbering.xml), rendered as the text Word shows before a
 * paragraph: `一、`, `（一）`, `1.`, `第1章`. Many official .docx number their headings this way,
 * so without it the headings lose their markers.
 *
 * Model (ECMA-376 §17.9): a paragraph names a numbering instance (`w:numId`) and a level
 * (`w:ilvl`); the instance points at an abstract definition whose levels give a start value, a
 * number format (`w:numFmt`) and a text pattern (`w:lvlText`, `%1` standing for level 1's
 * counter). Instances of one abstract definition count on together (as Word does), a
 * `w:startOverride` restarts its level for that instance, and a level's counter restarts when a
 * paragraph of a higher level comes.
 */
import { scanXml } from './xml.js';

/** One level of a list definition. */
interface ListLevel {
  start: number;
  /** `w:numFmt` value: decimal, chineseCounting, ideographTraditional, bullet, none, … */
  format: string;
  /** `w:lvlText` pattern, e.g. `%1、`, `（%1）`, `%1.%2`. */
  pattern: string;
  /** `w:isLgl`: every counter of the pattern in decimal digits. */
  legal: boolean;
}

interface ListInstance {
  abstractId: string;
  /** Level → start value set by `w:lvlOverride/w:startOverride`. */
  startOverrides: Map<number, number>;
  /** Level → a whole level redefined by `w:lvlOverride/w:lvl`. */
  levelOverrides: Map<number, ListLevel>;
}

/** The numbering definitions of one DOCX and the counters of the lists read so far. */
export class ListNumbering {
  private readonly abstracts = new Map<string, Map<number, ListLevel>>();
  private readonly instances = new Map<string, ListInstance>();
  /** abstractId → counter per level (undefined: not started, or restarted by a higher level). */
  private readonly counters = new Map<string, (number | undefined)[]>();
  /** numIds whose start overrides have been applied (at their first paragraph). */
  private readonly started = new Set<string>();

  /** Reads word/numbering.xml (absent: no paragraph is numbered). */
  constructor(xml: string | null) {
    if (xml !== null) this.parse(xml);
  }

  private parse(xml: string): void {
    let abstract: Map<number, ListLevel> | null = null;
    let instance: ListInstance | null = null;
    let level: { index: number; value: ListLevel } | null = null;
    let overrideLevel: number | null = null;
    scanXml(xml, (t) => {
      if (t.kind === 'open') {
        const val = t.attributes['w:val'];
        switch (t.name) {
          case 'w:abstractNum':
            abstract = new Map();
            this.abstracts.set(t.attributes['w:abstractNumId'] ?? '', abstract);
            break;
          case 'w:num':
            instance = { abstractId: '', startOverrides: new Map(), levelOverrides: new Map() };
            this.instances.set(t.attributes['w:numId'] ?? '', instance);
            break;
          case 'w:abstractNumId':
            if (instance) instance.abstractId = val ?? '';
            break;
          case 'w:lvlOverride':
            overrideLevel = Number(t.attributes['w:ilvl'] ?? 0);
            break;
          case 'w:startOverride':
            if (instance && overrideLevel !== null) instance.startOverrides.set(overrideLevel, toInt(val, 1));
            break;
          case 'w:lvl':
            level = { index: Number(t.attributes['w:ilvl'] ?? 0), value: { start: 1, format: 'decimal', pattern: '', legal: false } };
            if (t.empty) level = null;
            break;
          case 'w:start':
            if (level) level.value.start = toInt(val, 1);
            break;
          case 'w:numFmt':
            if (level) level.value.format = val ?? 'decimal';
            break;
          case 'w:lvlText':
            if (level) level.value.pattern = val ?? '';
            break;
          case 'w:isLgl':
            if (level) level.value.legal = val !== '0' && val !== 'false';
            break;
        }
      } else if (t.kind === 'close') {
        switch (t.name) {
          case 'w:lvl':
            if (level && instance && overrideLevel !== null) instance.levelOverrides.set(level.index, level.value);
            else if (level && abstract) abstract.set(level.index, level.value);
            level = null;
            break;
          case 'w:lvlOverride':
            overrideLevel = null;
            break;
          case 'w:abstractNum':
            abstract = null;
            break;
          case 'w:num':
            instance = null;
            break;
        }
      }
    });
  }

  /**
   * The marker Word shows before the next paragraph of list `numId` at level `ilvl`, counting it;
   * '' for no numbering (numId 0, an unknown list, a format `none`, a symbol-font bullet).
   */
  next(numId: string, ilvl: number): string {
    const instance = this.instances.get(numId);
    if (!instance || numId === '0') return '';
    const levels = this.abstracts.get(instance.abstractId);
    const levelAt = (i: number): ListLevel | undefined => instance.levelOverrides.get(i) ?? levels?.get(i);
    const here = levelAt(ilvl);
    if (!here) return '';
    let counters = this.counters.get(instance.abstractId);
    if (!counters) this.counters.set(instance.abstractId, (counters = []));
    if (!this.started.has(numId)) {
      this.started.add(numId);
      for (const [i, start] of instance.startOverrides) counters[i] = start - 1;
    }
    for (let i = 0; i < ilvl; i++) if (counters[i] === undefined) counters[i] = levelAt(i)?.start ?? 1;
    counters[ilvl] = counters[ilvl] === undefined ? here.start : counters[ilvl]! + 1;
    counters.length = ilvl + 1; // deeper levels restart under this paragraph
    if (here.format === 'none') return here.pattern.replace(/%[1-9]/g, '');
    if (here.format === 'bullet') return /[\ue000-\uf8ff]/.test(here.pattern) ? '' : here.pattern;
    return here.pattern.replace(/%([1-9])/g, (_, d: string) => {
      const i = Number(d) - 1;
      const format = here.legal ? 'decimal' : (levelAt(i)?.format ?? 'decimal');
      return formatNumber(counters![i] ?? levelAt(i)?.start ?? 1, format);
    });
  }
}

function toInt(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) ? n : fallback;
}

const CHINESE_DIGITS = '〇一二三四五六七八九';
const LEGAL_DIGITS = '零壹贰叁肆伍陆柒捌玖';
const HEAVENLY_STEMS = '甲乙丙丁戊己庚辛壬癸';
const EARTHLY_BRANCHES = '子丑寅卯辰巳午未申酉戌亥';

/** A counter written in a `w:numFmt` format; formats without a rendering here fall back to decimal. */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'decimalZero':
      return n >= 0 && n < 10 ? `0${n}` : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'upperLetter':
    case 'lowerLetter': {
      if (n < 1) return String(n);
      // Word repeats the letter: A…Z, AA…ZZ, AAA…
      const letter = String.fromCharCode(65 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
      return format === 'lowerLetter' ? letter.toLowerCase() : letter;
    }
    case 'upperRoman':
    case 'lowerRoman': {
      const roman = toRoman(n);
      return format === 'lowerRoman' ? roman.toLowerCase() : roman;
    }
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chineseCounting(n, CHINESE_DIGITS, '十百千');
    case 'chineseLegalSimplified':
      return chineseCounting(n, LEGAL_DIGITS, '拾佰仟');
    case 'ideographDigital':
    case 'taiwaneseDigital':
      return String(n).replace(/[0-9]/g, (d) => CHINESE_DIGITS[Number(d)]);
    case 'ideographTraditional':
      return n >= 1 && n <= 10 ? HEAVENLY_STEMS[n - 1] : String(n);
    case 'ideographZodiac':
      return n >= 1 && n <= 12 ? EARTHLY_BRANCHES[n - 1] : String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalEnclosedParen':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2474 + n - 1) : String(n);
    case 'decimalEnclosedFullstop':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2488 + n - 1) : String(n);
    case 'ideographEnclosedCircle':
      return n >= 1 && n <= 10 ? String.fromCharCode(0x3280 + n - 1) : String(n);
    default:
      return String(n);
  }
}

/**
 * n (1–9999) in Chinese counting as Word writes it: 一 … 十, 十一, 二十一, 一百零五, 一百一十.
 * `units` are the characters for ten, hundred, thousand.
 */
function chineseCounting(n: number, digits: string, units: string): string {
  if (!Number.isInteger(n) || n < 1 || n > 9999) return String(n);
  const zero = digits[0];
  const places = [Math.floor(n / 1000), Math.floor(n / 100) % 10, Math.floor(n / 10) % 10, n % 10];
  const unitOf = [units[2], units[1], units[0], ''];
  let out = '';
  let pendingZero = false;
  for (let i = 0; i < 4; i++) {
    const d = places[i];
    if (d === 0) {
      if (out !== '') pendingZero = true;
      continue;
    }
    if (pendingZero) out += zero;
    pendingZero = false;
    // 10–19 are 十, 十一 … (not 一十一); inside a larger number the 一 is written: 一百一十.
    out += d === 1 && i === 2 && out === '' ? unitOf[i] : digits[d] + unitOf[i];
  }
  return out;
}

function toRoman(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 3999) return String(n);
  const table: [number, string][] = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let out = '';
  for (const [value, letters] of table) {
    while (n >= value) {
      out += letters;
      n -= value;
    }
  }
  return out;
}
