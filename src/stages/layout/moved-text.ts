/**
 * A replacement built from pieces of the text, each code unit remembering where it was taken from
 * (Edit.from): the table passes move a cell's pieces onto their row's line and spans stay exact.
 */
export class MovedText {
  text = '';
  readonly from: number[] = [];
  /** Appends `text[start, end)`. */
  take(text: string, start: number, end: number): this {
    this.text += text.slice(start, end);
    for (let k = start; k < end; k++) this.from.push(k);
    return this;
  }
  /** Appends a separator (tab, line break) standing for the padding at `at`. */
  put(separator: string, at: number): this {
    this.text += separator;
    for (let k = 0; k < separator.length; k++) this.from.push(at);
    return this;
  }
}
