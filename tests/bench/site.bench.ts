// index_10k_ms: listing a 10,000-post site as the app does (cold, then the median of warm runs
// is reported separately), with `hugo list all` on the same site as the peer.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import type { BenchContext, BenchMetric } from './types';
import { summarize } from './types';
import { generateSite } from './generate-site';
import { PostLister } from '../../electron/services/site/list-posts';
import { openSiteFolder } from '../../electron/services/site/open-site';

export async function run(ctx: BenchContext): Promise<BenchMetric[]> {
  const root = join(ctx.tmpDir, 'site-10k');
  if (!existsSync(root)) generateSite(root, 10_000);
  const runs = ctx.quick ? 3 : 5;
  const cold: number[] = [];
  for (let r = 0; r < runs; r++) {
    const site = await openSiteFolder(root);
    const t0 = performance.now();
    const posts = await new PostLister(site.contentDir).list();
    cold.push(performance.now() - t0);
    if (posts.length !== 10_000) throw new Error(`listed ${posts.length} posts, expected 10000`);
  }
  const metrics: BenchMetric[] = [{ name: 'index_10k_ms', ...summarize(cold), budget: 1000, peer: 'peer_hugo_list_10k_ms', unit: 'ms' }];
  if (hasHugo()) {
    const peer: number[] = [];
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now();
      execFileSync('hugo', ['list', 'all', '--source', root], { stdio: 'ignore' });
      peer.push(performance.now() - t0);
    }
    metrics.push({ name: 'peer_hugo_list_10k_ms', ...summarize(peer), unit: 'ms' });
  } else {
    ctx.log('hugo is not installed: peer_hugo_list_10k_ms skipped');
  }
  return metrics;
}

function hasHugo(): boolean {
  try {
    execFileSync('hugo', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
