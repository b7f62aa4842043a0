// Archetypes render as `hugo new` renders them (compared with real hugo 0.111), a post made by
// "New post" builds with hugo, and duplicate / rename / delete-with-undo work on real folders.
import { describe, it, expect, afterEach } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeTempSite, type TempSite } from '../../support/temp-site';
import { renderArchetype, titleCase } from '../../../electron/services/archetypes/template';
import { formatGoTime } from '../../../electron/services/archetypes/go-time';
import { AppServices } from '../../../electron/services/app-services';
import { frontmatterHandlers } from '../../../electron/handlers/frontmatter';
import type { HostContext, HostDesktop } from '../../../electron/services/context';
import { readFrontMatter } from '../../../electron/services/frontmatter/read-front-matter';
import { slugify } from '../../../shared/frontmatter/slug';

let site: TempSite | undefined;
const cleanups: string[] = [];
afterEach(() => {
  site?.remove();
  site = undefined;
  for (const d of cleanups.splice(0)) rmSync(d, { recursive: true, force: true });
});

function hugo(root: string, ...args: string[]): string {
  return execFileSync('hugo', args, { cwd: root, env: { ...process.env, TZ: 'UTC' }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

const ARCHETYPE = `---
title: "{{ replace .Name "-" " " | title }}"
name: {{ .Name }}
base: {{ .File.ContentBaseName }}
date: {{ .Date }}
year: {{ now.Format "2006" }}
long: {{ now.Format "Monday, January 2, 2006 3:04 PM -0700" }}
stamp: '{{ now.Format "2006-01-02T15:04:05-07:00" }}'
section: {{ .Section }}
shout: {{ "tide pool" | upper }}
{{- /* trimmed comment */}}
spaced: {{ replace "a_b_c" "_" " " }}
draft: true
---

Notes from {{ replace .File.ContentBaseName "-" " " | title }}.
`;

async function app(desktop: HostDesktop | null = null): Promise<{ app: AppServices; dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'postwright-data-'));
  cleanups.push(dataDir);
  const settings = new Map<string, unknown>();
  const host: HostContext = {
    dataDir,
    settings: { get: <T>(k: string) => settings.get(k) as T | undefined, set: (k, v) => void settings.set(k, v) },
    secrets: { persistent: false, get: async () => null, set: async () => {} },
    desktop,
    emit: () => {},
  };
  const a = new AppServices(host);
  await a.openSite(site!.root);
  return { app: a, dataDir };
}

describe('archetype rendering', () => {
  it('gives the same text as `hugo new` for the same archetype', () => {
    site = makeTempSite({ 'archetypes/blog.md': ARCHETYPE });
    hugo(site.root, 'new', 'blog/the-art-of-tide-pools-and-a-walk/index.md');
    const fromHugo = readFileSync(join(site.root, 'content/blog/the-art-of-tide-pools-and-a-walk/index.md'), 'utf8');
    const date = /^date: (.*)$/m.exec(fromHugo)![1];
    const ours = renderArchetype(ARCHETYPE, { title: 'x', name: 'the-art-of-tide-pools-and-a-walk', section: 'blog', now: new Date(date), offsetMinutes: 0 });
    expect(ours).toBe(fromHugo);
  });

  it('renders .Title, zones and Go layouts', () => {
    const now = new Date('2025-12-21T10:05:09Z');
    expect(renderArchetype('{{ .Title }} {{ .Date }}', { title: 'Tides: Day 1', name: 'x', section: 's', now, offsetMinutes: -300 })).toBe('Tides: Day 1 2025-12-21T05:05:09-05:00');
    expect(formatGoTime(now, '02 Jan 06 15:04 MST', 0)).toBe('21 Dec 25 10:05 UTC');
    expect(formatGoTime(now, 'Jan _2 3:04pm', 90)).toBe('Dec 21 11:35am');
    expect(titleCase('the art of war and a walk')).toBe('The Art of War and a Walk');
    expect(() => renderArchetype('{{ if .Draft }}x{{ end }}', { title: '', name: '', section: '', now })).toThrow(/cannot fill in/);
  });

  it('makes URL-safe slugs', () => {
    expect(slugify('Why Driftwood Isn’t Just a Conference: Notes + Questions?')).toBe('why-driftwood-isnt-just-a-conference-notes-questions');
    expect(slugify('Café à Port-Alder 2025')).toBe('cafe-a-port-alder-2025');
    expect(slugify('???')).toBe('post');
  });
});

describe('post operations', () => {
  it('makes a new page bundle from the section archetype, with a unique slug, that hugo builds', async () => {
    site = makeTempSite({
      'archetypes/blog.md': ARCHETYPE,
      'content/blog/tide-pools/index.md': '---\ntitle: Old\n---\n',
      'layouts/_default/single.html': '<h1>{{ .Title }}</h1>{{ .Content }}',
      'layouts/_default/list.html': '{{ range .Pages }}{{ .Title }}{{ end }}',
    });
    const { app: a } = await app();
    const h = frontmatterHandlers(a);
    const made = await h.newPost({ title: 'Tide Pools', section: 'blog' });
    expect(made).toEqual({ path: 'blog/tide-pools-2/index.md', warning: null });
    const text = readFileSync(join(site.root, 'content', made.path), 'utf8');
    expect(text).toMatch(/^---\ntitle: "Tide Pools"\nname: tide-pools-2\n/);
    hugo(site.root, '--buildDrafts', '--quiet');
    expect(readFileSync(join(site.root, 'public/blog/tide-pools-2/index.html'), 'utf8')).toContain('<h1>Tide Pools</h1>');
  });

  it('uses the built-in event recap when the site has no archetype, and hugo builds it', async () => {
    site = makeTempSite({ 'layouts/_default/single.html': '<h1>{{ .Title }}</h1>{{ .Date.Format "2006" }}{{ .Content }}' });
    const { app: a } = await app();
    const h = frontmatterHandlers(a);
    const made = await h.newPost({ title: 'Driftwood Summit: "Day 2" recap', section: 'events' });
    expect(made.path).toBe('events/driftwood-summit-day-2-recap/index.md');
    const read = readFrontMatter(readFileSync(join(site.root, 'content', made.path), 'utf8'));
    expect(read.frontMatterError).toBeNull();
    expect(read.fields).toMatchObject({ title: 'Driftwood Summit: "Day 2" recap', slug: 'driftwood-summit-day-2-recap', draft: true });
    expect(await h.listSections({})).toEqual(['events']);
    hugo(site.root, '--buildDrafts', '--quiet');
    expect(readFileSync(join(site.root, 'public/events/driftwood-summit-day-2-recap/index.html'), 'utf8')).toContain('Driftwood Summit: &#34;Day 2&#34; recap');
  });

  it('uses a bundle archetype folder with its extra files', async () => {
    site = makeTempSite({ 'archetypes/gallery/index.md': '---\ntitle: ""\ndate: {{ .Date }}\n---\n', 'archetypes/gallery/images/README.md': 'Photos of {{ .Name }}\n' });
    const { app: a } = await app();
    const made = await frontmatterHandlers(a).newPost({ title: 'Harbour Photos', section: 'gallery' });
    expect(readFileSync(join(site.root, 'content/gallery/harbour-photos/images/README.md'), 'utf8')).toBe('Photos of harbour-photos\n');
    expect(readFileSync(join(site.root, 'content', made.path), 'utf8')).toMatch(/^---\ntitle: "Harbour Photos"\ndate: /);
  });

  it('falls back to the built-in template with a warning when the archetype uses unsupported template code', async () => {
    site = makeTempSite({ 'archetypes/default.md': '---\ntitle: x\n{{ if .Draft }}draft: true{{ end }}\n---\n' });
    const { app: a } = await app();
    const made = await frontmatterHandlers(a).newPost({ title: 'Odd', section: 'blog' });
    expect(made.warning).toMatch(/cannot fill in.*event-recap template/);
  });

  it('duplicates, renames (moving the bundle folder) and changes only the slug line', async () => {
    const post = '---\ntitle: "Tides"\nslug: tides\ndraft: false\n---\nBody\n';
    site = makeTempSite({ 'content/blog/tides/index.md': post, 'content/blog/tides/photo.png': 'png' });
    const { app: a } = await app();
    const h = frontmatterHandlers(a);
    const copy = await h.duplicatePost({ path: 'blog/tides/index.md' });
    expect(copy.path).toBe('blog/tides-copy/index.md');
    expect(readFileSync(join(site.root, 'content', copy.path), 'utf8')).toBe('---\ntitle: "Tides (copy)"\nslug: tides-copy\ndraft: false\n---\nBody\n');
    expect(existsSync(join(site.root, 'content/blog/tides-copy/photo.png'))).toBe(true);
    const renamed = await h.renamePost({ path: 'blog/tides-copy/index.md', slug: 'Low Tide' });
    expect(renamed.path).toBe('blog/low-tide/index.md');
    expect(readFileSync(join(site.root, 'content', renamed.path), 'utf8')).toBe('---\ntitle: "Tides (copy)"\nslug: low-tide\ndraft: false\n---\nBody\n');
    expect(existsSync(join(site.root, 'content/blog/tides-copy'))).toBe(false);
    await expect(h.renamePost({ path: 'blog/low-tide/index.md', slug: 'tides' })).rejects.toMatchObject({ code: 'conflict' });
    expect(await h.checkSlug({ slug: 'tides' })).toMatchObject({ unique: false, usedBy: 'blog/tides/index.md', suggestion: 'tides-2' });
    expect(await h.checkSlug({ slug: 'tides', path: 'blog/tides/index.md' })).toMatchObject({ unique: true });
    await expect(h.renamePost({ path: '../outside.md', slug: 'x' })).rejects.toMatchObject({ code: 'outside-site' });
  });

  it('deletes into the data folder and undoes the delete', async () => {
    site = makeTempSite({ 'content/blog/tides/index.md': '---\ntitle: T\n---\n', 'content/blog/tides/photo.png': 'png' });
    const { app: a, dataDir } = await app();
    const h = frontmatterHandlers(a);
    const del = await h.deletePost({ path: 'blog/tides/index.md' });
    expect(existsSync(join(site.root, 'content/blog/tides'))).toBe(false);
    expect(readdirSync(join(dataDir, 'trash'))).toEqual([del.undoToken]);
    expect(await h.undoDelete({ undoToken: del.undoToken })).toEqual({ path: 'blog/tides/index.md', version: { kind: 'none' } });
    expect(readFileSync(join(site.root, 'content/blog/tides/photo.png'), 'utf8')).toBe('png');
    await expect(h.undoDelete({ undoToken: del.undoToken })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('uses the system trash when the host has one, and can still undo', async () => {
    site = makeTempSite({ 'content/notes.md': '---\ntitle: N\n---\n' });
    const trashed: string[] = [];
    const desktop: HostDesktop = {
      chooseFolder: async () => null,
      chooseFiles: async () => [],
      addRecentDocument: () => {},
      trash: async (p) => {
        trashed.push(p);
        rmSync(p, { recursive: true });
      },
    };
    const { app: a } = await app(desktop);
    const h = frontmatterHandlers(a);
    const del = await h.deletePost({ path: 'notes.md' });
    expect(del.message).toMatch(/Trash/);
    expect(trashed).toEqual([join(site.root, 'content/notes.md')]);
    await h.undoDelete({ undoToken: del.undoToken });
    expect(readFileSync(join(site.root, 'content/notes.md'), 'utf8')).toBe('---\ntitle: N\n---\n');
  });
});
