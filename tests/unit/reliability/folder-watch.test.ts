// The content folder's watcher (folder-watch.ts): one watch per folder, never per file, and
// every change to a post or a folder reported, including in folders that appear later.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FolderWatch } from '../../../electron/services/watch/folder-watch';
import { isIgnored } from '../../../electron/services/watch/site-watcher';

let w: FolderWatch | null = null;
let root = '';
afterEach(async () => {
  await w?.close();
  w = null;
  if (root) rmSync(root, { recursive: true, force: true });
});

type Ev = [string, string];

async function start(files: Record<string, string>): Promise<Ev[]> {
  root = mkdtempSync(join(tmpdir(), 'pw-folder-watch-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(join(root, rel, '..'), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  const events: Ev[] = [];
  w = new FolderWatch(root, (p) => isIgnored(root, p), false);
  for (const kind of ['add', 'change', 'unlink', 'addDir', 'unlinkDir']) w.on(kind, (p: string) => events.push([kind, p.slice(root.length + 1)]));
  w.on('error', (e) => events.push(['error', String(e)]));
  await w.ready;
  return events;
}

const has = (events: Ev[], kind: string, rel: string) => vi.waitFor(() => expect(events).toContainEqual([kind, rel]), { timeout: 5000, interval: 20 });

describe('folder watch', () => {
  it('watches each folder once and no file on its own, reporting nothing it found at start', async () => {
    const events = await start({ 'blog/a/index.md': 'a', 'blog/a/photo.jpg': 'x', 'blog/b/index.md': 'b', 'about.md': 'c', '.git/HEAD': 'x' });
    // content, blog, blog/a, blog/b: the dot-folder is not watched, the files have no watch of their own.
    expect(w!.folderCount).toBe(4);
    expect(events).toEqual([]);
  });

  it('reports a post changed, added and removed inside a bundle folder', async () => {
    const events = await start({ 'blog/a/index.md': 'a' });
    writeFileSync(join(root, 'blog/a/index.md'), 'changed');
    await has(events, 'change', 'blog/a/index.md');
    writeFileSync(join(root, 'blog/a/extra.md'), 'new');
    await has(events, 'add', 'blog/a/extra.md');
    rmSync(join(root, 'blog/a/extra.md'));
    await has(events, 'unlink', 'blog/a/extra.md');
    writeFileSync(join(root, 'blog/a/photo.jpg'), 'x');
    // A post written after the photo is the marker: once its event is in, a photo event (which
    // the same folder's watch would have sent first) would be too. No fixed pause.
    writeFileSync(join(root, 'blog/a/marker.md'), 'm');
    await has(events, 'add', 'blog/a/marker.md');
    expect(events.some(([, p]) => p.endsWith('photo.jpg'))).toBe(false);
  });

  it('watches a folder that appears later, and reports the posts of one moved in', async () => {
    const events = await start({ 'blog/a/index.md': 'a' });
    mkdirSync(join(root, 'blog/new'));
    await has(events, 'addDir', 'blog/new');
    writeFileSync(join(root, 'blog/new/index.md'), 'fresh');
    await has(events, 'add', 'blog/new/index.md');
    // A whole bundle moved in from outside the site (as a sync client or git does).
    const outside = mkdtempSync(join(tmpdir(), 'pw-folder-watch-out-'));
    mkdirSync(join(outside, 'bundle'));
    writeFileSync(join(outside, 'bundle/index.md'), 'moved');
    renameSync(join(outside, 'bundle'), join(root, 'blog/moved'));
    rmSync(outside, { recursive: true, force: true });
    await has(events, 'add', 'blog/moved/index.md');
    writeFileSync(join(root, 'blog/moved/index.md'), 'edited after the move');
    await has(events, 'change', 'blog/moved/index.md');
  });

  it('reports every post of a removed folder, and stops watching it', async () => {
    const events = await start({ 'blog/a/index.md': 'a', 'blog/b/index.md': 'b' });
    rmSync(join(root, 'blog'), { recursive: true });
    await has(events, 'unlinkDir', 'blog');
    expect(events).toContainEqual(['unlink', 'blog/a/index.md']);
    expect(events).toContainEqual(['unlink', 'blog/b/index.md']);
    expect(w!.folderCount).toBe(1);
  });
});
