/**
 * Progress of a long run on a terminal: one line, rewritten in place after each file (files
 * done/total, MB/s, elapsed), and a closing summary. Silent unless stderr is a terminal, more than
 * one file is processed and --quiet is not given, so logs and pipes get nothing extra.
 */
import type { ExtractResult } from '../model/schemas.js';

/** The totals of a run, for the closing summary. */
interface Totals {
  files: number;
  documents: number;
  targets: number;
  responsibilities: number;
  warnings: number;
  errors: number;
}

/**
 * What a run counts of one input's result: its bytes and its share of the totals. A worker of
 * the pool sends these back instead of the result when the result itself is not printed.
 */
export interface ResultCounts {
  bytes: number;
  documents: number;
  targets: number;
  responsibilities: number;
  warnings: number;
  errors: number;
}

/** The counts of a result (see ResultCounts). */
export function countsOf(result: ExtractResult): ResultCounts {
  const counts: ResultCounts = { bytes: result.source.bytes, documents: 0, targets: 0, responsibilities: 0, warnings: 0, errors: 0 };
  for (const doc of result.documents) {
    counts.documents++;
    counts.targets += doc.targets.length;
    counts.responsibilities += doc.responsibilities.length;
  }
  for (const d of result.diagnostics) {
    if (d.severity === 'warning') counts.warnings++;
    else if (d.severity === 'error') counts.errors++;
  }
  return counts;
}

export class Progress {
  private done = 0;
  private bytes = 0;
  private readonly started: number;
  private readonly totals: Totals = { files: 0, documents: 0, targets: 0, responsibilities: 0, warnings: 0, errors: 0 };

  constructor(
    private readonly stream: NodeJS.WritableStream,
    private readonly total: number,
    private readonly enabled: boolean,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.started = now();
  }

  /** Counts one finished input: its result's counts (countsOf), or null when it could not be processed (an error). */
  record(counts: ResultCounts | null): void {
    this.done++;
    this.totals.files++;
    if (counts) {
      this.bytes += counts.bytes;
      this.totals.documents += counts.documents;
      this.totals.targets += counts.targets;
      this.totals.responsibilities += counts.responsibilities;
      this.totals.warnings += counts.warnings;
      this.totals.errors += counts.errors;
    } else {
      this.totals.errors++;
    }
    if (this.enabled) this.stream.write(`\r\x1b[K${this.line()}`);
  }

  /** Counts arguments that named no file (missing): errors, not files. */
  missing(count: number): void {
    this.totals.errors += count;
  }

  /** Writes a message (a failed input's reason) on a line of its own, above the progress line. */
  note(message: string): void {
    this.stream.write(this.enabled ? `\r\x1b[K${message}` : message);
  }

  /** Clears the progress line and prints the summary. */
  finish(): void {
    if (!this.enabled) return;
    const t = this.totals;
    const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
    this.stream.write(
      `\r\x1b[K${count(t.files, 'file')}, ${count(t.documents, 'document')}, ${count(t.targets, 'target')}, ` +
        `${count(t.responsibilities, 'responsibility', 'responsibilities')}, ${count(t.warnings, 'warning')}, ` +
        `${count(t.errors, 'error')} in ${this.seconds().toFixed(1)} s\n`,
    );
  }

  private seconds(): number {
    return (this.now() - this.started) / 1000;
  }

  private line(): string {
    const seconds = this.seconds();
    const rate = seconds > 0 ? this.bytes / 1e6 / seconds : 0;
    return `${this.done}/${this.total} files  ${rate.toFixed(1)} MB/s  ${seconds.toFixed(1)} s`;
  }
}

/** Whether a run shows progress: stderr a terminal, more than one file, no --quiet. */
export function showsProgress(stderrIsTTY: boolean | undefined, files: number, quiet: boolean | undefined): boolean {
  return stderrIsTTY === true && files > 1 && quiet !== true;
}
