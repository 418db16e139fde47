/**
 * Headless Chromium for the HTML page tests (the Debian package `chromium`): skipped only when
 * it is missing outside CI — in CI it must run.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** Whether the browser tests run; warns, naming the test, when they are skipped. */
export function chromiumAvailable(test: string): boolean {
  const available = existsSync(CHROMIUM) || process.env.CI !== undefined;
  if (!available) console.warn(`${test}: skipped, ${CHROMIUM} is missing (install it with: apt-get install -y chromium)`);
  return available;
}

/** Launches it with nothing that reaches the network on its own. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
