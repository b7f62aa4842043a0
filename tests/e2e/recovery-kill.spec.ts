// The recovery journal's promise, end to end: every word more than 1 s old survives a SIGKILL of
// the host (nothing flushed, like a crash or a power cut), whether the writer paused or is still
// typing. A typist who never pauses must not lose minutes of words to a debounce that waits for
// a pause. The next start offers the post back; Restore shows every such word.
// Run it repeatedly with: npx playwright test tests/e2e/recovery-kill.spec.ts --repeat-each 20
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, type BrowserContext, type Page } from '@playwright/test';
import { sampleSite } from './support/paths';
import { launchWebHost, type LaunchedHost } from './support/web-host';

const VOLUNTEERS = 'blog/volunteer-thank-you/index.md';
/** The words' age the journal promises to keep. */
const KEPT_AFTER_MS = 1_000;

interface Typed {
  word: string;
  /** When the word's last key had been delivered to the page (ms, this process's clock). */
  at: number;
}

function guard(page: Page, problems: string[]) {
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
}

/** Opens the Volunteers post and puts the caret at the end of its last paragraph. */
async function startTyping(page: Page) {
  await page.getByRole('list', { name: 'Posts' }).getByRole('button', { name: /^Thank You, Driftwood Volunteers/ }).click();
  const body = page.getByRole('textbox', { name: 'Post body' });
  await body.locator('p', { hasText: 'Thank you all.' }).click();
  await page.keyboard.press('End');
}

/**
 * Types words one after another, with no pause between them, until `ms` have passed and at least
 * `oldWords` words are more than 1 s old (a loaded machine types slower: the test then types longer).
 */
async function typeWithoutPause(page: Page, ms: number, oldWords = 0): Promise<Typed[]> {
  const typed: Typed[] = [];
  const start = Date.now();
  const enough = () => Date.now() - start >= ms && typed.filter((t) => t.at <= Date.now() - KEPT_AFTER_MS).length >= oldWords;
  for (let i = 1; !enough(); i++) {
    const word = `ferry${i}q`;
    await page.keyboard.type(` ${word}`, { delay: 10 });
    typed.push({ word, at: Date.now() });
  }
  return typed;
}

/** Starts the host again on the same folders, restores the post and returns its body text. */
async function restoreAfterRestart(context: BrowserContext, root: string, data: string, problems: string[]): Promise<{ host: LaunchedHost; body: string }> {
  const host = await launchWebHost(root, data);
  const page = await context.newPage();
  guard(page, problems);
  await page.goto(host.url);
  const dialog = page.getByRole('dialog', { name: 'Recover unsaved posts' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('listitem', { name: VOLUNTEERS }).getByRole('button', { name: 'Restore' }).click();
  await expect(dialog).toBeHidden();
  const body = page.getByRole('textbox', { name: 'Post body' });
  await expect(body).toContainText('Thank you all.');
  return { host, body: (await body.textContent()) ?? '' };
}

async function withSite(run: (root: string, data: string, file: string) => Promise<void>) {
  const base = mkdtempSync(join(tmpdir(), 'postwright-recovery-kill-'));
  const root = join(base, 'site');
  cpSync(sampleSite, root, { recursive: true });
  try {
    await run(root, join(base, 'data'), join(root, 'content', VOLUNTEERS));
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

test('killed while the writer is still typing: every word more than 1 s old is offered back', async ({ context }) => {
  test.setTimeout(90_000);
  await withSite(async (root, data, file) => {
    const before = readFileSync(file, 'utf8');
    const problems: string[] = [];
    let host: LaunchedHost | null = await launchWebHost(root, data);
    try {
      const page = await context.newPage();
      guard(page, problems);
      await page.goto(host.url);
      await startTyping(page);
      // 2.5 s of typing with no pause, then the kill lands mid-stream: no pause ever came.
      const typed = await typeWithoutPause(page, 2_500, 4);
      const killedAt = Date.now();
      await host.kill();
      host = null;
      await page.close();
      const old = typed.filter((t) => t.at <= killedAt - KEPT_AFTER_MS).map((t) => t.word);
      expect(old.length).toBeGreaterThanOrEqual(4); // the test typed long enough to mean something
      expect(readFileSync(file, 'utf8')).toBe(before); // nothing was saved: only the journal has them

      const again = await restoreAfterRestart(context, root, data, problems);
      host = again.host;
      expect(old.filter((w) => !again.body.includes(w))).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await host?.stop();
    }
  });
});

test('typed, then a 1 s pause, then killed: every word is offered back', async ({ context }) => {
  test.setTimeout(90_000);
  await withSite(async (root, data) => {
    const problems: string[] = [];
    let host: LaunchedHost | null = await launchWebHost(root, data);
    try {
      const page = await context.newPage();
      guard(page, problems);
      await page.goto(host.url);
      await startTyping(page);
      const typed = await typeWithoutPause(page, 600);
      // The promise under test is about time itself: the kill comes 1 s after the last key.
      const last = typed[typed.length - 1].at;
      await page.waitForTimeout(Math.max(0, last + KEPT_AFTER_MS - Date.now()));
      await host.kill();
      host = null;
      await page.close();

      const again = await restoreAfterRestart(context, root, data, problems);
      host = again.host;
      expect(typed.map((t) => t.word).filter((w) => !again.body.includes(w))).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await host?.stop();
    }
  });
});
