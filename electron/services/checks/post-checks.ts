// Runs the pre-publish checklist on posts of an open site: reads each post, answers the
// questions the pure rules cannot (does this image file exist? does that linked post exist?)
// and hands everything to shared/checks.
import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SiteInfo } from '../../../shared/ipc/channels/site';
import { checkPost, findInternalLinks, postKeys, resolveLinkTarget, type CheckProblem, type PostIndex } from '../../../shared/checks';
import { findImageReferences, isBroken, siteLayoutOf, type SiteLayout } from '../../../shared/images';
import { splitFrontMatter } from '../../../shared/frontmatter/split';
import { parseFieldsFast } from '../../../shared/post/fast-fields';
import { PostLister, summarize } from '../site/list-posts';
import { resolveInside } from '../fs/safe-path';
import { assertPostExists } from '../posts/missing-post';
import { stopIfCancelled } from '../../../shared/ipc/errors';
import { sectionOfPath, templateSentencesFor } from './template-texts';

export interface PostCheck {
  path: string;
  title: string;
  problems: CheckProblem[];
}

export class PostChecker {
  private lister: PostLister;
  private layout: SiteLayout;

  constructor(private site: SiteInfo) {
    this.lister = new PostLister(site.contentDir);
    this.layout = siteLayoutOf(site);
  }

  /** The site's posts as keys for link lookups (re-listed each time; the lister caches by stat). */
  private async index(): Promise<PostIndex> {
    return postKeys((await this.lister.list()).map((p) => p.path));
  }

  /** Every post, in the post list's order. */
  async checkAll(signal?: AbortSignal): Promise<PostCheck[]> {
    const posts = await this.lister.list(signal);
    const index = postKeys(posts.map((p) => p.path));
    const out: PostCheck[] = [];
    // One read of each section's archetype for the whole run.
    const sentences = new Map<string, Promise<string[]>>();
    for (const p of posts) {
      stopIfCancelled(signal);
      const raw = await readFile(join(this.site.contentDir, p.path), 'utf8').catch(() => null);
      if (raw === null) continue;
      const section = sectionOfPath(p.path);
      if (!sentences.has(section)) sentences.set(section, templateSentencesFor(this.site.root, section));
      out.push(await this.check(p.path, raw, index, await sentences.get(section)!));
    }
    return out;
  }

  /** One post: from disk, or from the editor's unsaved text when `raw` is given. */
  async checkOne(path: string, raw?: string): Promise<PostCheck> {
    const abs = await resolveInside(this.site.root, this.site.contentDir, path);
    await assertPostExists(abs, path);
    const text = raw ?? (await readFile(abs, 'utf8'));
    return this.check(path, text, await this.index(), await templateSentencesFor(this.site.root, sectionOfPath(path)));
  }

  private async check(path: string, rawWithBom: string, index: PostIndex, templateSentences: string[]): Promise<PostCheck> {
    const raw = rawWithBom.charCodeAt(0) === 0xfeff ? rawWithBom.slice(1) : rawWithBom;
    const summary = summarize(path, raw);
    const split = splitFrontMatter(raw);
    const fields = split.error || split.format === 'none' ? {} : parseFieldsFast(split.format, raw.slice(split.fmStart, split.fmEnd)).fields;
    const refs = findImageReferences(raw, path, this.layout).filter((r) => !r.inComment);
    const siteFiles = await existing(this.site.root, refs.flatMap((r) => (r.status === 'local' ? r.candidates : [])));
    const exists = (sitePath: string) => siteFiles.has(sitePath);
    const images = refs.map((r) => ({
      src: r.src,
      alt: r.alt,
      line: r.line,
      kind: r.kind,
      exists: r.status === 'external' || r.status === 'data' ? null : !isBroken(r, exists),
    }));
    const bodyStart = split.error ? 0 : split.bodyOffset;
    const linesBefore = raw.slice(0, bodyStart).split('\n').length - 1;
    const found = findInternalLinks(raw.slice(bodyStart), linesBefore);
    // The content files the links could name: asked for with every answer "no", which walks
    // every candidate a link has, then looked up on disk at once.
    const asked: string[] = [];
    for (const l of found) resolveLinkTarget(l.kind, l.target, path, index, (rel) => (asked.push(rel), false));
    const contentFiles = await existing(this.site.contentDir, asked);
    const hasContentFile = (rel: string) => contentFiles.has(rel);
    const links = found.map((l) => ({
      ...l,
      exists: resolveLinkTarget(l.kind, l.target, path, index, hasContentFile),
    }));
    const problems = checkPost({ raw, fields, frontMatterError: summary.frontMatterError, kind: summary.kind, images, links, templateSentences });
    return { path, title: summary.title, problems };
  }
}

/** Which of `paths` (relative to `base`) exist, asked of the disk without blocking. */
async function existing(base: string, paths: string[]): Promise<Set<string>> {
  const unique = [...new Set(paths)];
  const there = await Promise.all(unique.map((p) => access(join(base, p)).then(() => true, () => false)));
  return new Set(unique.filter((_, i) => there[i]));
}
