// Recovery end to end: the writer types, the host is killed (SIGKILL, nothing flushed) after
// the autosave window, and the next start with the same data folder offers the post back;
// Restore brings the text back as unsaved changes and Ctrl+S writes exactly that line.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { changedLines } from './support/disk';
import { sampleSite } from './support/paths';
import { launchWebHost, type LaunchedHost } from './support/web-host';

const VOLUNTEERS = 'blog/volunteer-thank-you/index.md';
const SENTENCE = ' The ferry crew brought coffee at dawn.';

/** Whether the recovery journal in the app's data folder holds `text` yet, for any post. */
function journalHolds(data: string, text: string): boolean {
  const dir = join(data, 'recovery');
  if (!existsSync(dir)) return false;
  return readdirSync(dir, { recursive: true, withFileTypes: true }).some((e) => e.isFile() && readFileSync(join(e.parentPath, e.name), 'utf8').includes(text));
}

function guard(page: Page, problems: string[]) {
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  return page.route(/^(?!http:\/\/127\.0\.0\.1:)/, (route) => {
    problems.push(`network request outside the app: ${route.request().url()}`);
    return route.abort();
  });
}

test('after a kill, the next start offers the unsaved post; Restore and Save write it', async ({ context }) => {
  test.setTimeout(120_000);
  const base = mkdtempSync(join(tmpdir(), 'postwright-recovery-'));
  const root = join(base, 'site');
  const data = join(base, 'data');
  cpSync(sampleSite, root, { recursive: true });
  const file = join(root, 'content', VOLUNTEERS);
  const before = readFileSync(file, 'utf8');
  const problems: string[] = [];
  let host: LaunchedHost | null = null;
  try {
    host = await launchWebHost(root, data);
    const page = await context.newPage();
    await guard(page, problems);
    await page.goto(host.url);
    await page.getByRole('list', { name: 'Posts' }).getByRole('button', { name: /^Thank You, Driftwood Volunteers/ }).click();
    const body = page.getByRole('textbox', { name: 'Post body' });
    await body.locator('p', { hasText: 'Thank you all.' }).click();
    await page.keyboard.press('End');
    await page.keyboard.type(SENTENCE);
    await expect(page.getByRole('status', { name: 'Save state' })).toHaveText('Unsaved changes');
    // The journal promise is "words more than 1 s old survive a kill" (recovery-kill.spec.ts holds it to that under continuous typing): wait for the journal on disk
    // to hold the sentence (with slack for a loaded machine), then kill.
    await expect.poll(() => journalHolds(data, SENTENCE.trim()), { timeout: 4_000, message: 'the recovery journal holds the typed sentence' }).toBe(true);
    await host.kill();
    await page.close();
    expect(readFileSync(file, 'utf8')).toBe(before);

    host = await launchWebHost(root, data);
    const again = await context.newPage();
    await guard(again, problems);
    await again.goto(host.url);
    const dialog = again.getByRole('dialog', { name: 'Recover unsaved posts' });
    await expect(dialog).toBeVisible();
    const entry = dialog.getByRole('listitem', { name: VOLUNTEERS });
    await expect(entry).toBeVisible();
    await expect(entry).toContainText(SENTENCE.trim());
    await entry.getByRole('button', { name: 'Restore' }).click();
    await expect(dialog).toBeHidden();

    await expect(again.getByRole('textbox', { name: 'Post body' })).toContainText(`Thank you all. Same time next year?${SENTENCE}`);
    await expect(again.getByRole('status', { name: 'Save state' })).toHaveText('Unsaved changes');
    expect(readFileSync(file, 'utf8')).toBe(before); // restoring writes nothing by itself
    await again.keyboard.press('Control+s');
    await expect(again.getByRole('status', { name: 'Save state' })).toHaveText('Saved');
    expect(changedLines(before, readFileSync(file, 'utf8'))).toEqual({
      removed: ['Thank you all. Same time next year?'],
      added: [`Thank you all. Same time next year?${SENTENCE}`],
    });
    // Saved: the journal no longer holds the text.
    const journal = join(data, 'recovery');
    const left = readdirSync(journal).filter((f) => readFileSync(join(journal, f), 'utf8').includes(SENTENCE.trim()));
    expect(left).toEqual([]);
    expect(problems).toEqual([]);
  } finally {
    await host?.stop();
    rmSync(base, { recursive: true, force: true });
  }
});
