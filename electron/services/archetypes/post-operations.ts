// Making, copying, renaming and deleting posts. A new post is a page bundle
// (content/<section>/<slug>/index.md) made from the site's own archetype, as `hugo new` would;
// a delete keeps a copy in Postwright's data folder so it can be undone even after the
// original went to the system trash.
import { cp, mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, relative, sep } from 'node:path';
import type { SiteInfo } from '../../../shared/ipc/channels/site';
import type { HostContext } from '../context';
import { PostwrightError } from '../../../shared/ipc/errors';
import { resolveInside } from '../fs/safe-path';
import { slugify, uniqueSlug } from '../../../shared/frontmatter/slug';
import { unportableReason } from '../../../shared/paths/portable-name';
import { editPostFrontMatter } from '../../../shared/frontmatter/post-edit';
import { splitFrontMatter } from '../../../shared/frontmatter/split';
import { parseFrontMatter } from '../../../shared/frontmatter/parse';
import { renderArchetype, ArchetypeError } from './template';
import { BUILTIN_RECAP } from './builtin-recap';
import type { SiteFields } from '../frontmatter/site-fields';
import { isLeafBundleText, isMarkdownFile, isSectionText, markdownExt, withoutMarkdownExt } from '../../../shared/post/post-files';

const SECTION_RE = /^[\p{L}\p{N}_][\p{L}\p{N}._-]*$/u;
const exists = (p: string) => stat(p).then(() => true, () => false);
const toPosix = (p: string) => p.split(sep).join('/');

export interface Archetype {
  /** Site-relative path of the archetype used, or null for the built-in recap. */
  source: string | null;
  /** Files of the archetype: the post itself is "index.md"; others are copied into the bundle. */
  files: Map<string, Buffer>;
}

/** Hugo's lookup: archetypes/<section>/ (a bundle), archetypes/<section>.md, archetypes/default.md. */
export async function findArchetype(siteRoot: string, section: string): Promise<Archetype> {
  const dir = join(siteRoot, 'archetypes');
  const bundle = join(dir, section);
  if (section && (await exists(join(bundle, 'index.md')))) {
    const files = new Map<string, Buffer>();
    for (const e of await readdir(bundle, { recursive: true, withFileTypes: true })) {
      if (!e.isFile()) continue;
      const abs = join(e.parentPath, e.name);
      files.set(toPosix(relative(bundle, abs)), await readFile(abs));
    }
    return { source: `archetypes/${section}/index.md`, files };
  }
  for (const name of section ? [`${section}.md`, 'default.md'] : ['default.md']) {
    const p = join(dir, name);
    if (await exists(p)) return { source: `archetypes/${name}`, files: new Map([['index.md', await readFile(p)]]) };
  }
  return { source: null, files: new Map([['index.md', Buffer.from(BUILTIN_RECAP)]]) };
}

export class PostOperations {
  constructor(
    private site: SiteInfo,
    private host: HostContext,
    private fields: Pick<SiteFields, 'slugs'>,
  ) {}

  private abs(rel: string): Promise<string> {
    return resolveInside(this.site.root, this.site.contentDir, rel);
  }

  /** Sections a new post can go to: folders of content/ and the site's archetypes. */
  async sections(): Promise<string[]> {
    const names = new Set<string>();
    for (const e of await readdir(this.site.contentDir, { withFileTypes: true }).catch(() => [])) {
      if (e.isDirectory() && !e.name.startsWith('.') && SECTION_RE.test(e.name)) names.add(e.name);
    }
    for (const e of await readdir(join(this.site.root, 'archetypes'), { withFileTypes: true }).catch(() => [])) {
      // An archetype file is "<section>.md" (findArchetype looks for that name only).
      const n = e.isDirectory() ? e.name : e.name.endsWith('.md') ? e.name.slice(0, -'.md'.length) : '';
      if (n !== 'default' && SECTION_RE.test(n)) names.add(n);
    }
    return [...names].sort();
  }

  async newPost(req: { title: string; section: string; now?: Date }): Promise<{ path: string; warning: string | null }> {
    const title = req.title.trim();
    if (!title) throw new PostwrightError('invalid-request', 'A new post needs a title.');
    const section = req.section.trim();
    if (!SECTION_RE.test(section)) throw new PostwrightError('invalid-request', `"${req.section}" cannot be a section name. Use letters, numbers and dashes.`);
    const unportable = unportableReason(section);
    if (unportable) throw new PostwrightError('invalid-request', `${unportable} Choose another section name.`);
    const sectionDir = await this.abs(section);
    const st = await stat(sectionDir).catch(() => null);
    if (st && !st.isDirectory()) throw new PostwrightError('invalid-request', `"${section}" is a file, not a section. Choose another section name.`);
    const taken = await this.fields.slugs();
    const siblings = await siblingNames(sectionDir);
    const slug = uniqueSlug(slugify(title), (s) => taken.has(s) || siblings.has(s) || siblings.has(`${s}.md`));
    const folder = join(sectionDir, slug);
    if (await exists(folder)) throw new PostwrightError('conflict', `A folder named "${slug}" already exists in ${section}.`);
    const archetype = await findArchetype(this.site.root, section);
    const data = { title, name: slug, section, now: req.now ?? new Date() };
    let warning: string | null = null;
    let text: string;
    try {
      text = renderArchetype(archetype.files.get('index.md')!.toString('utf8'), data);
      const split = splitFrontMatter(text);
      if (split.error || (split.format !== 'none' && parseFrontMatter(split.format, text.slice(split.fmStart, split.fmEnd)).error)) {
        throw new ArchetypeError(`The archetype ${archetype.source} does not give valid front matter.`);
      }
    } catch (e) {
      if (!(e instanceof ArchetypeError)) throw e;
      warning = `${e.message} The post was made from Postwright's event-recap template instead.`;
      archetype.files = new Map([['index.md', Buffer.from(BUILTIN_RECAP)]]);
      text = renderArchetype(BUILTIN_RECAP, data);
    }
    // The writer's title exactly as typed (archetypes usually rebuild it from the slug).
    text = editPostFrontMatter(text, [{ path: ['title'], value: title }]);
    await mkdir(folder, { recursive: true });
    for (const [rel, bytes] of archetype.files) {
      if (rel === 'index.md') continue;
      const target = join(folder, ...rel.split('/'));
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, rel.endsWith('.md') ? renderArchetype(bytes.toString('utf8'), data) : bytes, { flag: 'wx' });
    }
    await writeFile(join(folder, 'index.md'), text, { flag: 'wx' });
    return { path: `${section}/${slug}/index.md`, warning };
  }

  async duplicatePost(rel: string): Promise<{ path: string }> {
    const abs = await this.existing(rel);
    const leaf = isLeafBundleText(basename(abs));
    if (isSectionText(basename(abs))) throw new PostwrightError('unsupported', 'This is a section page, not a post, so it cannot be duplicated.');
    const raw = await readFile(abs, 'utf8');
    const split = splitFrontMatter(raw);
    const fm = split.format === 'none' || split.error ? {} : parseFrontMatter(split.format, raw.slice(split.fmStart, split.fmEnd)).fields;
    const oldName = leaf ? basename(dirname(abs)) : withoutMarkdownExt(basename(abs));
    const taken = await this.fields.slugs();
    const parent = leaf ? dirname(dirname(abs)) : dirname(abs);
    const ext = leaf ? '' : basename(abs).slice(oldName.length);
    const siblings = await siblingNames(parent);
    const slug = uniqueSlug(`${slugify(oldName)}-copy`, (s) => taken.has(s) || siblings.has(s + ext));
    const target = join(parent, slug + ext);
    if (leaf) await cp(dirname(abs), target, { recursive: true, errorOnExist: true, force: false });
    else await cp(abs, target, { errorOnExist: true, force: false });
    const post = leaf ? join(target, basename(abs)) : target;
    const edits = [];
    if (typeof fm.title === 'string') edits.push({ path: ['title'], value: `${fm.title} (copy)` });
    if (typeof fm.slug === 'string') edits.push({ path: ['slug'], value: slug });
    if (edits.length && !split.error) await writeFile(post, editPostFrontMatter(await readFile(post, 'utf8'), edits));
    return { path: toPosix(relative(this.site.contentDir, post)) };
  }

  async renamePost(rel: string, newSlug: string): Promise<{ path: string }> {
    const abs = await this.existing(rel);
    const slug = slugify(newSlug);
    const leaf = isLeafBundleText(basename(abs));
    if (isSectionText(basename(abs))) throw new PostwrightError('unsupported', 'This is a section page; rename its folder outside Postwright.');
    const from = leaf ? dirname(abs) : abs;
    const ext = leaf ? '' : markdownExt(basename(abs));
    const to = join(dirname(from), slug + ext);
    let moved = abs;
    if (to !== from) {
      if ((await this.fields.slugs(rel)).has(slug) || (await exists(to))) throw new PostwrightError('conflict', `Another post already uses the address "${slug}". Choose another.`);
      await rename(from, to);
      moved = leaf ? join(to, basename(abs)) : to;
    }
    // Keep a `slug` field in step with the folder, changing only its line.
    const raw = await readFile(moved, 'utf8');
    const split = splitFrontMatter(raw);
    if (!split.error && split.format !== 'none') {
      const fields = parseFrontMatter(split.format, raw.slice(split.fmStart, split.fmEnd)).fields;
      if (typeof fields.slug === 'string' && fields.slug !== slug) await writeFile(moved, editPostFrontMatter(raw, [{ path: ['slug'], value: slug }]));
    }
    return { path: toPosix(relative(this.site.contentDir, moved)) };
  }

  async deletePost(rel: string): Promise<{ undoToken: string; message: string }> {
    const abs = await this.existing(rel);
    const leaf = isLeafBundleText(basename(abs));
    const target = leaf ? dirname(abs) : abs;
    const token = `${Date.now()}-${randomBytes(4).toString('hex')}`;
    const keep = join(this.host.dataDir, 'trash', token);
    await mkdir(keep, { recursive: true });
    await cp(target, join(keep, 'item'), { recursive: true });
    await writeFile(join(keep, 'meta.json'), JSON.stringify({ site: this.site.root, path: rel, target: toPosix(relative(this.site.contentDir, target)), deletedAt: Date.now() }));
    if (this.host.desktop) await this.host.desktop.trash(target);
    else await rm(target, { recursive: true, force: true });
    return { undoToken: token, message: this.host.desktop ? 'The post was moved to the Trash.' : 'The post was deleted.' };
  }

  async undoDelete(token: string): Promise<{ path: string }> {
    if (!/^\d+-[0-9a-f]{8}$/.test(token)) throw new PostwrightError('invalid-request', 'That delete cannot be undone.');
    const keep = join(this.host.dataDir, 'trash', token);
    let meta: { site: string; path: string; target: string };
    try {
      meta = JSON.parse(await readFile(join(keep, 'meta.json'), 'utf8')) as typeof meta;
    } catch {
      throw new PostwrightError('not-found', 'That delete can no longer be undone.');
    }
    if (meta.site !== this.site.root) throw new PostwrightError('invalid-request', 'That post belongs to another site.');
    const target = await this.abs(meta.target);
    if (await exists(target)) throw new PostwrightError('conflict', `Something new is already at "${meta.target}", so the post was not put back.`);
    await mkdir(dirname(target), { recursive: true });
    await cp(join(keep, 'item'), target, { recursive: true, errorOnExist: true, force: false });
    await rm(keep, { recursive: true, force: true });
    return { path: meta.path };
  }

  private async existing(rel: string): Promise<string> {
    if (!isMarkdownFile(rel)) throw new PostwrightError('invalid-request', `"${rel}" is not a Markdown post.`);
    const abs = await this.abs(rel);
    if (!(await exists(abs))) throw new PostwrightError('not-found', `The post "${rel}" no longer exists.`);
    return abs;
  }
}

/**
 * The names in a folder, lower-cased: read once, so a free name is found without a disk call
 * per try, and "Recap" counts as taken by "recap" as it does on the case-insensitive disks of
 * macOS and Windows. Slugs are lower-case, so only those names ever match.
 */
async function siblingNames(parent: string): Promise<Set<string>> {
  return new Set((await readdir(parent).catch(() => [] as string[])).map((n) => n.toLowerCase()));
}
