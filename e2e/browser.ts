/**
 * Headless Chromium for the end-to-end tests: Debian's `chromium` package driven by
 * playwright-core (no browser download). Tests skip, saying why, when it is not installed;
 * .ci/run installs it with apt-get.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
// The UI's `window.wiretraceGraph`, which the tests read to check what was drawn.
import type {} from '../web/src/graph-model.js';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
export const skipReason = hasChromium ? '' : ` — SKIPPED: ${CHROMIUM} not found (apt-get install -y chromium)`;

/** Screenshots go here (git-ignored: every folder named screenshots/ is). */
export const SHOTS = join('e2e', 'screenshots');

export async function launch(): Promise<BrowserContext> {
  await mkdir(SHOTS, { recursive: true });
  const profile = await mkdtemp(join(tmpdir(), 'wiretrace-chromium-'));
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    // A common laptop screen: what an editor reads on.
    viewport: { width: 1366, height: 768 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Everything a page did that a test should fail on: script errors, dialogs, CSP violations. */
export function watch(page: Page): { errors: string[]; dialogs: string[] } {
  const seen = { errors: [] as string[], dialogs: [] as string[] };
  page.on('pageerror', (e) => seen.errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') seen.errors.push(m.text());
  });
  page.on('dialog', async (d) => {
    seen.dialogs.push(d.message());
    await d.dismiss();
  });
  return seen;
}

/**
 * The side-by-side view after a finding was clicked: the source's span in the left cell and the
 * later version's span in the right cell of the same row, both highlighted and on screen.
 */
export async function expectBothSpansVisible(page: Page): Promise<void> {
  const row = page.locator('tr.focus-row');
  expect(await row.count()).toBeGreaterThanOrEqual(1);
  for (const cell of [row.first().locator('td').nth(0), row.first().locator('td').nth(1)]) {
    const mark = cell.locator('.focus').first();
    expect(await mark.isVisible()).toBe(true);
    const box = await mark.boundingBox();
    const viewport = page.viewportSize();
    expect(box && viewport && box.y >= 0 && box.y + box.height <= viewport.height).toBe(true);
  }
}

/** Everything but file:// fails, as on an editor's laptop with no connection: the report must not need it. */
export async function blockNetwork(page: Page): Promise<void> {
  await page.route('**/*', (route) =>
    route.request().url().startsWith('file:') ? route.continue() : route.abort('internetdisconnected'),
  );
}
