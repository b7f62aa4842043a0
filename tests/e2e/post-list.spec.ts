// The post list: filter by part of a title or tag, and keyboard use (Tab into the list, arrows
// between posts, Enter to open).
import { test, expect } from './support/fixtures';
import { expectedPostPaths } from './support/site-files';

test('the filter narrows the list by part of a title or a tag', async ({ app, site }) => {
  const total = expectedPostPaths(site.contentDir).length;
  const list = app.getByRole('list', { name: 'Posts' });
  const filter = app.getByRole('searchbox', { name: 'Filter posts' });
  await filter.fill('volunteer');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list.getByRole('listitem').first()).toHaveAccessibleName(/^Thank You, Driftwood Volunteers/);
  await filter.fill('cfp'); // a tag, in another case
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list.getByRole('listitem').first()).toHaveAccessibleName(/^Call for Speakers/);
  await filter.fill('no post has this in its title');
  await expect(list.getByRole('listitem')).toHaveCount(0);
  await expect(app.getByText('No post matches the filter.')).toBeVisible();
  await filter.press('Escape');
  await expect(list.getByRole('listitem')).toHaveCount(total);
});

test('the list works from the keyboard', async ({ app }) => {
  const list = app.getByRole('list', { name: 'Posts' });
  await app.getByRole('searchbox', { name: 'Filter posts' }).focus();
  await app.keyboard.press('Tab');
  const buttons = list.getByRole('button');
  await expect(buttons.nth(0)).toBeFocused();
  await app.keyboard.press('ArrowDown');
  await expect(buttons.nth(1)).toBeFocused();
  await app.keyboard.press('End');
  await expect(buttons.last()).toBeFocused();
  await app.keyboard.press('Home');
  await app.keyboard.press('ArrowDown');
  const path = await buttons.nth(1).getAttribute('data-path');
  await app.keyboard.press('Enter');
  await expect(buttons.nth(1)).toHaveAttribute('aria-current', 'page');
  await expect(app.locator('.status-path')).toHaveText(path ?? '');
  await expect(app.getByRole('textbox', { name: 'Post body' })).toBeVisible();
});

test('a folder that is not a Hugo site gets a plain-words message and nothing changes', async ({ app }) => {
  await app.getByRole('button', { name: 'Open Site…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Open Site' });
  await dialog.getByRole('textbox', { name: 'Site folder' }).fill('/definitely/not/a/site');
  await dialog.getByRole('button', { name: 'Open' }).click();
  await expect(dialog.getByRole('alert')).not.toBeEmpty();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(app.getByRole('list', { name: 'Posts' }).getByRole('listitem').first()).toBeVisible();
});

test('Open Site… opens another Hugo site typed as a folder path', async ({ app }) => {
  const { mkdtempSync, mkdirSync, writeFileSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const other = mkdtempSync(join(tmpdir(), 'postwright-e2e-other-'));
  try {
    writeFileSync(join(other, 'hugo.toml'), 'title = "Driftwood Summit Speakers"\n');
    mkdirSync(join(other, 'content', 'talks', 'tidepool-tooling'), { recursive: true });
    writeFileSync(join(other, 'content', 'talks', 'tidepool-tooling', 'index.md'), '---\ntitle: Tidepool Tooling\ndate: 2025-06-01\n---\n\nA talk about small tools.\n');
    await app.getByRole('button', { name: 'Open Site…' }).click();
    const dialog = app.getByRole('dialog', { name: 'Open Site' });
    await dialog.getByRole('textbox', { name: 'Site folder' }).fill(other);
    await dialog.getByRole('button', { name: 'Open' }).click();
    await expect(dialog).toBeHidden();
    const list = app.getByRole('list', { name: 'Posts' });
    await expect(list.getByRole('listitem')).toHaveCount(1);
    await expect(list.getByRole('listitem').first()).toHaveAccessibleName(/^Tidepool Tooling/);
    await expect(app.getByRole('banner')).toContainText('Driftwood Summit Speakers');
  } finally {
    rmSync(other, { recursive: true, force: true });
  }
});

test('a post opens in one paint: no frame shows its panels with an empty body', async ({ app }) => {
  const list = app.getByRole('list', { name: 'Posts' });
  const body = app.getByRole('textbox', { name: 'Post body' });
  // The first open loads the editor's code; the second is the one a writer does all day.
  await list.getByRole('button', { name: /^Thank You, Driftwood Volunteers/ }).click();
  await expect(body).toContainText('Forty-two volunteers');
  await app.evaluate(() => {
    const w = window as unknown as { emptyFrames: number; watching: boolean };
    w.emptyFrames = 0;
    w.watching = true;
    const look = () => {
      const el = document.querySelector('.post-body');
      if (el && el.childElementCount === 0) w.emptyFrames++;
      if (w.watching) requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  await list.getByRole('button', { name: /^Call for Speakers/ }).click();
  await expect(body).toContainText('Call for Speakers', { ignoreCase: true });
  const emptyFrames = await app.evaluate(() => {
    const w = window as unknown as { emptyFrames: number; watching: boolean };
    w.watching = false;
    return w.emptyFrames;
  });
  expect(emptyFrames).toBe(0);
});

test('the app fits the window: nothing makes the page itself scroll, with a post and each side tab open', async ({ app }) => {
  const pageScrolls = () => app.evaluate(() => document.documentElement.scrollHeight > innerHeight || document.documentElement.scrollWidth > innerWidth);
  expect(await pageScrolls()).toBe(false);
  await app.getByRole('list', { name: 'Posts' }).getByRole('button').first().click();
  await expect(app.getByRole('textbox', { name: 'Post body' })).toHaveAttribute('contenteditable', 'true');
  expect(await pageScrolls()).toBe(false);
  for (const tab of ['Outline', 'Checklist', 'Preview', 'Gallery', 'History']) {
    await app.getByRole('tab', { name: tab }).click();
    await expect(app.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
    expect(await pageScrolls(), `with ${tab} open`).toBe(false);
  }
});
