// Versions and sync end to end: the real app in Chromium, the site a real git repository, the
// system `git` as the oracle for what the app wrote, and a real git HTTP server on loopback
// (`git http-backend` with basic auth, from the unit tests) as the online copy.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test as base, expect } from './support/fixtures';
import type { RunningSite } from './support/web-host';
import { startGitHttpServer, type GitHttpServer } from '../unit/git/http-server';

const VOLUNTEERS = 'blog/volunteer-thank-you/index.md';
const REPO_PATH = `content/${VOLUNTEERS}`;
const BUNDLE = 'content/blog/volunteer-thank-you';
const LINE = 'A few of them we want to thank by name:';
const SENTENCE = ' We also thank the caterers from Port Alder.';
const AUTHOR = { name: 'Mara Quill', email: 'mara@lanternfish.example' };
// The app sends the token with this user name unless told otherwise (GitHub's convention).
const TOKEN_USER = 'x-access-token';
const TOKEN = 'lanternfish-e2e-token';

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Oracle', '-c', 'user.email=oracle@lanternfish.example', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0' },
  });
}
const gitBytes = (cwd: string, spec: string) => execFileSync('git', ['show', spec], { cwd });

// Sites of these tests are git repositories (made with the system git) before the app opens them.
const test = base.extend<{ site: RunningSite }>({
  site: async ({ site }, use) => {
    git(site.root, 'init', '-q', '-b', 'main');
    git(site.root, 'add', '.');
    git(site.root, 'commit', '-qm', 'Initial site');
    await use(site);
  },
});

const postButton = (app: Page) => app.getByRole('list', { name: 'Posts' }).getByRole('button', { name: /^Thank You, Driftwood Volunteers/ });
// The list item carries the spoken summary (title, date, …, version state); its button is named by what it shows.
const postItem = (app: Page) => app.getByRole('list', { name: 'Posts' }).getByRole('listitem', { name: /^Thank You, Driftwood Volunteers/ });

async function openVolunteers(app: Page) {
  await postButton(app).click();
  await expect(app.getByRole('textbox', { name: 'Post body' })).toHaveAttribute('contenteditable', 'true');
}

async function typeAtEndOf(app: Page, paragraph: string, text: string) {
  await app.getByRole('textbox', { name: 'Post body' }).locator('p', { hasText: paragraph }).click();
  await app.keyboard.press('End');
  await app.keyboard.type(text);
  await expect(app.getByRole('status', { name: 'Save state' })).toHaveText('Unsaved changes');
}

/** The History tab of the side panel, opened. */
async function historyTab(app: Page) {
  await app.getByRole('tab', { name: 'History' }).click();
  return app.getByRole('tabpanel');
}

/** Name and email, asked once, from the History tab. */
async function enterAuthor(app: Page) {
  const tab = await historyTab(app);
  await tab.getByRole('button', { name: 'Enter your name and email…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Versions and sync settings' });
  await dialog.getByLabel('Your name', { exact: true }).fill(AUTHOR.name);
  await dialog.getByLabel('Your email').fill(AUTHOR.email);
  await dialog.getByRole('button', { name: 'Save name and email' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Saved your name and email.');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await expect(tab.getByRole('button', { name: 'Save version' })).toBeVisible();
}

async function enterSyncSettings(app: Page, url: string, token: string) {
  await app.getByRole('tabpanel').getByRole('button', { name: 'Sync settings…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Versions and sync settings' });
  await dialog.getByLabel('Online repository address').fill(url);
  await dialog.getByLabel('Personal access token').fill(token);
  await dialog.getByRole('button', { name: 'Save sync settings' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Sync settings saved.');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
}

/** Opens the Volunteers post, enters the author, and picks `item` in its Post actions menu. */
async function postActionOnVolunteers(app: Page, item: string) {
  await openVolunteers(app);
  await enterAuthor(app);
  await app.getByRole('button', { name: 'Post actions' }).click();
  await app.getByRole('menu', { name: 'Post actions' }).getByRole('menuitem', { name: item }).click();
}

async function saveVersion(app: Page, message?: string) {
  const form = app.getByRole('form', { name: 'Save version' });
  if (message !== undefined) await form.getByRole('textbox', { name: 'Version message' }).fill(message);
  await form.getByRole('button', { name: 'Save version' }).click();
  await expect(form.getByRole('status')).toHaveText('Version saved.');
}

test('save a version, see it in History, restore an older version', async ({ app, site }) => {
  const initial = git(site.root, 'rev-parse', 'HEAD').trim();
  await openVolunteers(app);
  await expect(postItem(app)).toHaveAccessibleName(/, In a version$/);
  await enterAuthor(app);

  // Edit, save the file: the post shows as changed, in the list and in the top bar.
  await typeAtEndOf(app, LINE, SENTENCE);
  await app.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(app.getByRole('status', { name: 'Save state' })).toHaveText('Saved');
  await expect(postItem(app)).toHaveAccessibleName(/, Not in a version yet$/);
  const summary = app.getByRole('group', { name: 'Versions of this site' });
  await expect(summary).toContainText('1 post not saved as a version');
  await app.screenshot({ path: test.info().outputPath('hist-1-changed.png') });

  // Save version with the default message.
  const message = app.getByRole('textbox', { name: 'Version message' });
  await expect(message).toHaveValue('Update Thank You, Driftwood Volunteers');
  await saveVersion(app);
  expect(git(site.root, 'log', '--format=%s').trim().split('\n')).toEqual(['Update Thank You, Driftwood Volunteers', 'Initial site']);
  expect(git(site.root, 'show', '--name-only', '--format=', 'HEAD').trim().split('\n')).toEqual([REPO_PATH]);
  expect(git(site.root, 'log', '-1', '--format=%an <%ae>')).toBe(`${AUTHOR.name} <${AUTHOR.email}>\n`);
  expect(git(site.root, 'status', '--porcelain', '--', BUNDLE)).toBe('');
  expect(gitBytes(site.root, `HEAD:${REPO_PATH}`).equals(readFileSync(join(site.contentDir, VOLUNTEERS)))).toBe(true);
  await expect(postItem(app)).toHaveAccessibleName(/, In a version$/);
  await expect(summary).toContainText('All posts saved as versions');

  // Edit again and press Save version without saving: the text is saved first, then versioned.
  await typeAtEndOf(app, LINE, ' Twice.');
  await saveVersion(app, 'Thank the caterers twice');
  await expect(app.getByRole('status', { name: 'Save state' })).toHaveText('Saved');
  expect(git(site.root, 'log', '--format=%s').trim().split('\n')).toEqual(['Thank the caterers twice', 'Update Thank You, Driftwood Volunteers', 'Initial site']);
  expect(git(site.root, 'show', '--name-only', '--format=', 'HEAD').trim().split('\n')).toEqual([REPO_PATH]);
  expect(readFileSync(join(site.contentDir, VOLUNTEERS), 'utf8')).toContain(`${LINE}${SENTENCE} Twice.`);
  expect(git(site.root, 'status', '--porcelain', '--', BUNDLE)).toBe('');

  // History lists the versions, newest first.
  const tab = app.getByRole('tabpanel');
  await tab.getByRole('button', { name: 'History', exact: true }).click();
  const versions = tab.getByRole('list', { name: 'Versions' });
  await expect(versions.getByRole('listitem')).toHaveCount(3);
  await expect(versions.getByRole('listitem').first()).toContainText('Thank the caterers twice');
  await expect(versions.getByRole('listitem').last()).toContainText('Initial site');
  await expect(versions.getByRole('listitem').first()).toContainText(AUTHOR.name);

  // The first version, compared with the current text: the added words are marked.
  await versions.getByRole('listitem').last().getByRole('button').click();
  const diff = tab.getByLabel('Text changes');
  await expect(diff.locator('ins')).toContainText(['caterers']);
  await app.screenshot({ path: test.info().outputPath('hist-2-history.png') });

  // The same changes in a wide window: the side panel is too narrow to read a long post's.
  await tab.getByRole('button', { name: 'Compare in a wide window' }).click();
  const wide = app.getByRole('dialog', { name: /^Changes since “Initial site”/ });
  await expect(wide.getByLabel('Text changes').locator('ins')).toContainText(['caterers']);
  expect((await wide.boundingBox())!.width).toBeGreaterThan(800);
  await app.keyboard.press('Escape');
  await expect(wide).toBeHidden();

  await tab.getByRole('button', { name: 'Restore this version' }).click();
  await expect(tab.getByText('Restored. Save a version to keep it.')).toBeVisible();
  expect(readFileSync(join(site.contentDir, VOLUNTEERS)).equals(gitBytes(site.root, `${initial}:${REPO_PATH}`))).toBe(true);
  // The editor shows the restored text; the post is changed (not yet a version); history is kept.
  await expect(app.getByRole('textbox', { name: 'Post body' })).not.toContainText('caterers');
  await expect(app.getByRole('textbox', { name: 'Post body' })).toContainText(LINE);
  await expect(app.getByRole('status', { name: 'Save state' })).toHaveText('Saved');
  await expect(postItem(app)).toHaveAccessibleName(/, Not in a version yet$/);
  expect(git(site.root, 'log', '--format=%s').trim().split('\n')).toHaveLength(3);
  await app.screenshot({ path: test.info().outputPath('hist-3-restored.png') });
  execFileSync('git', ['fsck', '--full', '--strict'], { cwd: site.root, stdio: 'pipe' });
});

test.describe('with an online copy on a loopback git server', () => {
  let server: GitHttpServer;
  test.beforeEach(async () => {
    server = await startGitHttpServer(TOKEN_USER, TOKEN);
  });
  test.afterEach(async () => {
    await server.close();
  });

  test('Sync sends the saved version to the remote; a wrong token is refused in plain words', async ({ app, site }) => {
    const url = server.createRepo('driftwood');
    const bare = server.repoPath('driftwood');
    await openVolunteers(app);
    await enterAuthor(app);
    await typeAtEndOf(app, LINE, SENTENCE);
    await saveVersion(app, 'Thank the caterers');

    // A mistyped token: a plain message, nothing sent.
    await enterSyncSettings(app, url, 'not-the-token');
    const sync = app.getByRole('region', { name: 'Sync' });
    await sync.getByRole('button', { name: 'Sync', exact: true }).click();
    await expect(sync.getByRole('status')).toContainText('The token was refused');
    expect(git(bare, 'rev-list', '--all')).toBe('');

    await enterSyncSettings(app, url, TOKEN);
    // The progress bar is shown while syncing (it may be brief): watch for it.
    await app.evaluate(() => {
      const w = window as unknown as { sawProgress: boolean };
      w.sawProgress = false;
      new MutationObserver(() => {
        if (document.querySelector('progress[aria-label="Sync progress"]')) w.sawProgress = true;
      }).observe(document.body, { subtree: true, childList: true });
    });
    await sync.getByRole('button', { name: 'Sync', exact: true }).click();
    await expect(sync.getByRole('status')).toHaveText('Synced: 0 version(s) received, 2 sent.');
    expect(await app.evaluate(() => (window as unknown as { sawProgress: boolean }).sawProgress)).toBe(true);
    await expect(sync).toContainText('0 to send · 0 to receive');
    await app.screenshot({ path: test.info().outputPath('hist-4-synced.png') });

    expect(git(bare, 'log', '--format=%s', 'main').trim().split('\n')).toEqual(['Thank the caterers', 'Initial site']);
    expect(git(bare, 'rev-parse', 'main')).toBe(git(site.root, 'rev-parse', 'HEAD'));
    execFileSync('git', ['fsck', '--full', '--strict'], { cwd: bare, stdio: 'pipe' });
  });

  test('a conflict shows both versions side by side; "Take theirs" is committed as chosen', async ({ app, site }) => {
    const url = server.createRepo('driftwood');
    const bare = server.repoPath('driftwood');
    git(site.root, 'push', '-q', bare, 'main');

    // A colleague's clone changes the same line and pushes first.
    const colleague = mkdtempSync(join(tmpdir(), 'postwright-e2e-colleague-'));
    try {
      git(colleague, 'clone', '-q', bare, 'site');
      const theirDir = join(colleague, 'site');
      const theirFile = join(theirDir, REPO_PATH);
      const theirs = readFileSync(theirFile, 'utf8').replace(LINE, 'A few of them we want to thank by name, in no particular order:');
      writeFileSync(theirFile, theirs);
      git(theirDir, 'commit', '-qam', 'Reorder the thanks');
      git(theirDir, 'push', '-q', 'origin', 'main');

      await openVolunteers(app);
      await enterAuthor(app);
      await enterSyncSettings(app, url, TOKEN);
      await typeAtEndOf(app, LINE, SENTENCE);
      await saveVersion(app, 'Thank the caterers');
      const mine = readFileSync(join(site.contentDir, VOLUNTEERS), 'utf8');

      const sync = app.getByRole('region', { name: 'Sync' });
      await sync.getByRole('button', { name: 'Sync', exact: true }).click();
      const dialog = app.getByRole('dialog', { name: 'You and someone else changed the same post' });
      await expect(dialog).toBeVisible();
      await expect(dialog.getByLabel('My version')).toContainText(`${LINE}${SENTENCE}`);
      await expect(dialog.getByLabel('Their version')).toContainText('in no particular order');
      await expect(dialog.getByLabel('Edited text')).toHaveValue(mine);
      await app.screenshot({ path: test.info().outputPath('hist-5-conflict.png') });
      // Nothing on disk changes until the writer chooses.
      expect(readFileSync(join(site.contentDir, VOLUNTEERS), 'utf8')).toBe(mine);

      await dialog.getByRole('button', { name: 'Take theirs' }).click();
      await expect(dialog).toBeHidden();
      await expect(sync.getByRole('status')).toHaveText('Versions combined. Press Sync to send them.');
      expect(readFileSync(join(site.contentDir, VOLUNTEERS)).equals(readFileSync(theirFile))).toBe(true);
      await expect(app.getByRole('textbox', { name: 'Post body' })).toContainText('in no particular order');
      expect(git(site.root, 'log', '-1', '--format=%P').trim().split(' ')).toHaveLength(2);
      expect(git(site.root, 'status', '--porcelain')).toBe('');
      execFileSync('git', ['fsck', '--full', '--strict'], { cwd: site.root, stdio: 'pipe' });
      // The local state from before the merge is kept on a backup ref.
      expect(git(site.root, 'for-each-ref', '--format=%(objectname)', 'refs/postwright/backup/')).toContain(git(site.root, 'rev-parse', 'HEAD^1').trim());

      // Syncing again sends the combined version.
      await sync.getByRole('button', { name: 'Sync', exact: true }).click();
      await expect(sync.getByRole('status')).toContainText('Synced:');
      expect(git(bare, 'rev-parse', 'main')).toBe(git(site.root, 'rev-parse', 'HEAD'));
      execFileSync('git', ['fsck', '--full', '--strict'], { cwd: bare, stdio: 'pipe' });
    } finally {
      rmSync(colleague, { recursive: true, force: true });
    }
  });
});

base('a site without versions: the app offers to start them and asks name and email once', async ({ app, site }) => {
  await openVolunteers(app);
  await expect(postItem(app)).not.toHaveAccessibleName(/version:/);
  const tab = await historyTab(app);
  await expect(tab).toContainText('This site does not keep versions yet.');
  await tab.getByRole('button', { name: 'Set up versions…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Versions and sync settings' });
  await dialog.getByLabel('Your name', { exact: true }).fill(AUTHOR.name);
  await dialog.getByLabel('Your email').fill(AUTHOR.email);
  await app.screenshot({ path: test.info().outputPath('hist-6-setup.png') });
  await dialog.getByRole('button', { name: 'Start keeping versions' }).click();
  await expect(dialog.getByRole('status')).toHaveText('This site now keeps versions.');
  await dialog.getByRole('button', { name: 'Close' }).click();

  expect(git(site.root, 'log', '--format=%an <%ae>')).toBe(`${AUTHOR.name} <${AUTHOR.email}>\n`);
  expect(git(site.root, 'status', '--porcelain')).toBe('');
  await expect(postItem(app)).toHaveAccessibleName(/, In a version$/);
  await expect(app.getByRole('group', { name: 'Versions of this site' })).toContainText('All posts saved as versions');
  await expect(tab.getByRole('button', { name: 'Save version' })).toBeVisible();

  // Asked once: after a reload the name is known and Save version is offered straight away.
  await app.reload();
  await openVolunteers(app);
  const again = await historyTab(app);
  await expect(again.getByRole('button', { name: 'Save version' })).toBeVisible();
});

test('the name and email entered in Settings sign the versions: History does not ask for them again', async ({ app, site }) => {
  await app.getByRole('button', { name: 'Settings…' }).click();
  const settings = app.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('textbox', { name: 'Name' }).fill(AUTHOR.name);
  await settings.getByRole('textbox', { name: 'Email' }).fill(AUTHOR.email);
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(settings).toBeHidden();

  await openVolunteers(app);
  await typeAtEndOf(app, LINE, SENTENCE);
  const tab = await historyTab(app);
  await expect(tab.getByRole('button', { name: 'Enter your name and email…' })).toHaveCount(0);
  await saveVersion(app, 'Thank the caterers');
  expect(git(site.root, 'log', '-1', '--format=%an <%ae>|%s')).toBe(`${AUTHOR.name} <${AUTHOR.email}>|Thank the caterers\n`);
});


test('deleting a post saves the deletion as a version, and Undo saves the post back', async ({ app, site }) => {
  const original = readFileSync(join(site.root, REPO_PATH));
  await postActionOnVolunteers(app, 'Delete…');
  await app.getByRole('alertdialog', { name: 'Delete post' }).getByRole('button', { name: 'Delete' }).click();
  const notice = app.getByRole('region', { name: 'Notice' });
  await expect(notice).toContainText('The deletion is saved as a version');
  expect(git(site.root, 'log', '-1', '--format=%an|%s')).toBe(`${AUTHOR.name}|Delete Thank You, Driftwood Volunteers\n`);
  expect(git(site.root, 'ls-tree', '-r', '--name-only', 'HEAD', BUNDLE)).toBe('');
  expect(git(site.root, 'status', '--porcelain')).toBe('');

  await notice.getByRole('button', { name: 'Undo' }).click();
  await expect(app.locator('.status-path')).toHaveText(VOLUNTEERS);
  await expect.poll(() => git(site.root, 'log', '-1', '--format=%s')).toBe('Put back Thank You, Driftwood Volunteers\n');
  expect(readFileSync(join(site.root, REPO_PATH)).equals(original)).toBe(true);
  expect(git(site.root, 'status', '--porcelain')).toBe('');
  expect(gitBytes(site.root, `HEAD:${REPO_PATH}`).equals(original)).toBe(true);
});

test('renaming a post saves the move as versions: the post at its new address, gone from its old one', async ({ app, site }) => {
  const original = readFileSync(join(site.root, REPO_PATH));
  await postActionOnVolunteers(app, 'Rename slug…');
  const rename = app.getByRole('dialog', { name: 'Rename slug' });
  await rename.getByLabel('New slug').fill('volunteers-2026');
  await rename.getByRole('button', { name: 'Rename' }).click();
  await expect(app.getByRole('region', { name: 'Notice' })).toContainText('The rename is saved as a version');
  const moved = 'content/blog/volunteers-2026/index.md';
  expect(git(site.root, 'ls-tree', '-r', '--name-only', 'HEAD', BUNDLE)).toBe('');
  expect(gitBytes(site.root, `HEAD:${moved}`).equals(readFileSync(join(site.root, moved)))).toBe(true);
  expect(readFileSync(join(site.root, moved)).equals(original)).toBe(true);
  expect(git(site.root, 'status', '--porcelain')).toBe('');
  expect(git(site.root, 'log', '-2', '--format=%s')).toBe(`Rename ${VOLUNTEERS} to blog/volunteers-2026/index.md\n`.repeat(2));
});
