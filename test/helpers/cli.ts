/** Runs the CLI in-process with captured streams. */
import { Readable, Writable } from 'node:stream';
import { main } from '../../src/cli/main.js';

export interface CliRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

class Capture extends Writable {
  chunks: Buffer[] = [];
  override _write(chunk: Buffer, _enc: BufferEncoding, cb: () => void): void {
    this.chunks.push(Buffer.from(chunk));
    cb();
  }
  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}

/** Runs `plans <argv>` in `cwd` (default: the repository). */
export async function runCli(
  argv: string[],
  options: { cwd?: string; isTTY?: boolean; env?: Record<string, string | undefined>; stdin?: Uint8Array } = {},
): Promise<CliRun> {
  const stdout = new Capture();
  const stderr = new Capture();
  const stdin = Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]);
  const exitCode = await main({ argv, stdin, stdout, stderr, cwd: options.cwd ?? process.cwd(), isTTY: options.isTTY ?? false, env: options.env ?? {} });
  return { exitCode, stdout: stdout.text(), stderr: stderr.text() };
}
