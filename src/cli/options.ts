/** Options shared by several commands, defined once. */
import { InvalidArgumentError, Option } from 'commander';
import { DEFAULT_MAX_BYTES, parseByteSize } from './byte-size.js';
import { ENCODING_CHOICES } from '../stages/read/encodings.js';

/** --encoding: detect (auto) or force one of the encodings decode reads. */
export function encodingOption(): Option {
  return new Option('--encoding <name>', 'input encoding (default: detected from the bytes)').choices(ENCODING_CHOICES).default('auto');
}

/** --max-bytes: inputs larger than this are rejected with a clear error. */
export function maxBytesOption(): Option {
  return new Option('--max-bytes <size>', 'reject inputs larger than this (bytes, or with K/M/G)')
    .argParser((value: string) => {
      try {
        return parseByteSize(value);
      } catch (error) {
        throw new InvalidArgumentError((error as Error).message);
      }
    })
    .default(DEFAULT_MAX_BYTES, '64M');
}

/** --redact: personal contact data replaced with placeholders in everything the command prints or writes. */
export function redactOption(): Option {
  return new Option('--redact', 'replace personal contact data (mobile numbers, e-mail addresses, contact persons) with placeholders');
}

/** A non-negative whole number argument. */
export function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError(`expected a whole number, got "${value}"`);
  return Number(value);
}

/** --jobs: how many inputs are processed at once, each in a worker thread; `defaultJobs` is what the caller has (bin/plans: every CPU). */
export function jobsOption(defaultJobs: number, description: string): Option {
  return new Option('--jobs <n>', description)
    .argParser((value: string) => {
      const jobs = parseCount(value);
      if (jobs < 1) throw new InvalidArgumentError('expected at least 1');
      return jobs;
    })
    .default(defaultJobs, defaultJobs === 1 ? '1' : `${defaultJobs}, the number of CPUs`);
}
