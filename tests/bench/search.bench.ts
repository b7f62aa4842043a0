// index_search_10k_ms: building the search index of a 10,000-post site (budget 5 s).
// search_10k_ms: one query on that index, median over a mix of queries (budget 50 ms): rare
// and common words, a word being typed (prefix), a typo (fuzzy), several words.
// mojibake_corpus_flagged_files: posts of the real corpus with non-English text that the
// garbled-character detector flags (informational: the corpus has no garbled post left, so
// every flag there is a false positive).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchContext, BenchMetric } from './types';
import { summarize } from './types';
import { generateSite } from './generate-site';
import { SearchService } from '../../electron/services/search/search-service';
import { detectMojibake } from '../../shared/mojibake';

const QUERIES = ['lanternfish', 'canary rollout', 'keynot', 'recap 4242', 'drftwood', 'harbor', 'sticker coffee demo', 'session 777'];

export async function run(ctx: BenchContext): Promise<BenchMetric[]> {
  const root = join(ctx.tmpDir, 'site-10k');
  if (!existsSync(root)) generateSite(root, 10_000);
  const runs = ctx.quick ? 2 : 3;
  const indexTimes: number[] = [];
  let service: SearchService | null = null;
  for (let r = 0; r < runs; r++) {
    service?.shutdown();
    const t0 = performance.now();
    service = new SearchService({ contentDir: join(root, 'content') });
    await service.ready;
    indexTimes.push(performance.now() - t0);
    if (service.size !== 10_000) throw new Error(`indexed ${service.size} posts, expected 10000`);
  }
  const s = service!;
  for (const q of QUERIES) await s.search({ query: q }); // warm-up: first calls compile the code paths
  const queryTimes: number[] = [];
  const rounds = ctx.quick ? 2 : 5;
  for (let r = 0; r < rounds; r++) {
    for (const q of QUERIES) {
      const t0 = performance.now();
      const res = await s.search({ query: q });
      queryTimes.push(performance.now() - t0);
      if (!res.hits.length) throw new Error(`no result for "${q}"`);
    }
  }
  s.shutdown();
  const metrics: BenchMetric[] = [
    { name: 'index_search_10k_ms', ...summarize(indexTimes), budget: 5000, unit: 'ms' },
    { name: 'search_10k_ms', ...summarize(queryTimes), budget: 50, unit: 'ms', note: `${QUERIES.length} queries × ${rounds} rounds` },
  ];
  if (ctx.corpusDir) {
    let scanned = 0;
    let flagged = 0;
    for (const file of markdownFiles(ctx.corpusDir)) {
      const text = readFileSync(file, 'utf8');
      if (!/[^\t\n\r -~]/.test(text)) continue;
      scanned++;
      const runs = detectMojibake(text);
      if (runs.length) {
        flagged++;
        ctx.log(`mojibake flagged: ${file}: ${runs.slice(0, 3).map((r) => `${r.original}→${r.fixed}`).join(', ')}`);
      }
    }
    metrics.push({ name: 'mojibake_corpus_flagged_files', value: flagged, unit: 'files', note: `of ${scanned} corpus posts with non-ASCII text` });
  }
  return metrics;
}

function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...markdownFiles(p));
    else if (name.endsWith('.md')) out.push(p);
  }
  return out;
}
