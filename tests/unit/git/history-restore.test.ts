import { afterEach, describe, expect, it } from 'vitest';
import { makeSite, service, post, fsckClean, type TestSite } from './support';

let sites: TestSite[] = [];
afterEach(() => {
  for (const s of sites) s.remove();
  sites = [];
});

describe('history, readable diff and restore', () => {
  it('lists the versions of one post only, newest first, with author and message', async () => {
    const s = makeSite({ 'content/blog/harbor/index.md': post('Harbor Talk', 'One.'), 'content/tide.md': post('Tide', 'x') });
    sites.push(s);
    const git = service(s);
    s.write('content/blog/harbor/index.md', post('Harbor Talk', 'Two.'));
    await git.saveVersion('blog/harbor/index.md', 'Second take');
    s.write('content/tide.md', post('Tide', 'y'));
    await git.saveVersion('tide.md');
    s.write('content/blog/harbor/photo.png', 'png');
    await git.saveVersion('blog/harbor/index.md', 'Add a photo');
    const versions = await git.history('blog/harbor/index.md');
    expect(versions.map((v) => v.message)).toEqual(['Add a photo', 'Second take', 'Initial site']);
    expect(versions[0]).toMatchObject({ author: 'Mara Quill', email: 'mara@lanternfish.example' });
    expect(versions[2].author).toBe('Oracle');
    expect(versions.map((v) => v.id)).toEqual(s.git('log', '--format=%H', '--', 'content/blog/harbor').trim().split('\n'));
  });

  it('shows front matter changes as field: old → new and the words added and removed', async () => {
    const s = makeSite({ 'content/a/index.md': post('Harbor Talk', 'The **keynote** opened with a harbor at dawn.', 'draft: true\n') });
    sites.push(s);
    const git = service(s);
    const [v1] = await git.history('a/index.md');
    s.write('content/a/index.md', post('Harbor Keynote', 'The **keynote** opened with a lighthouse at dawn.', 'draft: false\nsummary: "Lights"\n'));
    const d = await git.diff('a/index.md', v1.id);
    expect(d.identical).toBe(false);
    expect(d.fields.map((f) => f.text)).toEqual(['title: Harbor Talk → Harbor Keynote', 'draft: true → false', 'summary: (none) → Lights']);
    expect(d.words.filter((w) => w.kind === 'removed').map((w) => w.text.trim())).toEqual(['harbor']);
    expect(d.words.filter((w) => w.kind === 'added').map((w) => w.text.trim())).toEqual(['lighthouse']);
    expect(d.words.map((w) => w.text).join('')).not.toContain('**'); // rendered words, not Markdown
    expect([d.wordsAdded, d.wordsRemoved]).toEqual([1, 1]);
  });

  it('compares TOML front matter too', async () => {
    const s = makeSite({ 'content/t.md': '+++\ntitle = "Tide"\ntags = ["a"]\n+++\nBody.\n' });
    sites.push(s);
    const git = service(s);
    const [v] = await git.history('t.md');
    s.write('content/t.md', '+++\ntitle = "Tide"\ntags = ["a", "b"]\n+++\nBody.\n');
    expect((await git.diff('t.md', v.id)).fields.map((f) => f.text)).toEqual(['tags: a → a, b']);
  });

  it('restore makes the old text current as a new change; unsaved text is saved first; history kept', async () => {
    const s = makeSite({ 'content/a/index.md': post('Alpha', 'First words.') });
    sites.push(s);
    const git = service(s);
    const original = s.read('content/a/index.md');
    s.write('content/a/index.md', post('Alpha', 'Second words.'));
    await git.saveVersion('a/index.md');
    s.write('content/a/index.md', post('Alpha', 'Unsaved third words.'));
    const versions = await git.history('a/index.md');
    const oldest = versions[versions.length - 1];
    expect(await git.readAtVersion('a/index.md', oldest.id)).toBe(original);
    const r = await git.restore('a/index.md', oldest.id);
    expect(r.savedFirst).toMatch(/^[0-9a-f]{40}$/);
    expect(s.read('content/a/index.md')).toBe(original);
    expect(s.git('rev-list', '--count', 'HEAD').trim()).toBe('3'); // nothing rewritten, the unsaved text kept
    expect(s.git('show', 'HEAD:content/a/index.md')).toContain('Unsaved third words.');
    expect((await git.status()).posts['a/index.md']).toBe('changed');
    await git.saveVersion('a/index.md', 'Restore the first words');
    expect(s.git('status', '--porcelain')).toBe('');
    expect(fsckClean(s.root)).toBe(true);
  });
});
