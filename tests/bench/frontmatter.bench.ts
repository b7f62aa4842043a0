// Front-matter edits on real posts: the time to change one field (setField on the YAML text),
// how many corpus files keep every other line byte for byte after a title edit, and, in the same
// run, gray-matter's parse + stringify (what most editors do) as the peer. Also the time to
// infer a section schema from every post of the corpus.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { diffLines } from 'diff';
import type { BenchContext, BenchMetric } from './types';
import { summarize } from './types';
import { splitFrontMatter } from '../../shared/frontmatter/split';
import { setField } from '../../shared/frontmatter/edit';
import { SiteFields } from '../../electron/services/frontmatter/site-fields';
import '../../electron/services/frontmatter/safe-gray-matter';

function mdFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...mdFiles(p));
    else if (/\.(md|markdown)$/i.test(e.name) && statSync(p).size > 0) out.push(p);
  }
  return out;
}

export async function run(ctx: BenchContext): Promise<BenchMetric[]> {
  const dir = ctx.corpusDir ?? join(ctx.repoRoot, 'tests/fixtures/frontmatter');
  const texts = mdFiles(dir).map((f) => readFileSync(f, 'utf8').replace(/^\uFEFF/, ''));
  const yamlPosts = texts
    .map((t) => ({ t, s: splitFrontMatter(t) }))
    .filter((x) => x.s.format === 'yaml' && !x.s.error)
    .map((x) => x.t.slice(x.s.fmStart, x.s.fmEnd));
  const ours: number[] = [];
  const peer: number[] = [];
  let minimal = 0;
  let edited = 0;
  for (const fm of yamlPosts) {
    let out: string;
    const t0 = performance.now();
    try {
      out = setField('yaml', fm, ['title'], 'A changed title');
    } catch {
      continue;
    }
    ours.push(performance.now() - t0);
    edited++;
    const changed = diffLines(fm, out).filter((p) => p.added || p.removed).flatMap((p) => p.value.split('\n').filter(Boolean));
    // A title may be a block scalar (`title: >-` then an indented line): that line is its own too.
    if (changed.every((l) => /^title\s*:|^\s/.test(l)) && changed.length <= 2) minimal++;
    const p0 = performance.now();
    const file = matter(`---\n${fm}---\n`, { language: 'yaml' });
    matter.stringify('', { ...file.data, title: 'A changed title' });
    peer.push(performance.now() - p0);
  }
  const metrics: BenchMetric[] = [];
  if (ours.length) {
    metrics.push({ name: 'fm_set_field_p50_ms', ...summarize(ours), budget: 5, peer: 'peer_graymatter_stringify_p50_ms', unit: 'ms' });
    metrics.push({ name: 'peer_graymatter_stringify_p50_ms', ...summarize(peer), unit: 'ms' });
    metrics.push({ name: 'fm_title_edit_minimal_files', value: minimal, unit: 'files', note: `of ${edited} YAML front matters edited; only the title's lines changed` });
  }
  const site = { root: dir, contentDir: dir, title: 'bench', configFile: null, taxonomies: ['tags', 'categories'] };
  const runs = ctx.quick ? 3 : 5;
  const infer: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    await new SiteFields(site).schema('');
    infer.push(performance.now() - t0);
  }
  metrics.push({ name: 'fm_schema_infer_cold_ms', ...summarize(infer), budget: 1000, unit: 'ms', note: `${texts.length} posts` });
  return metrics;
}
