// The form's schema is inferred from every post of the site. A post with 10,000 front-matter
// keys (a generated or damaged file) once held the app up for about two minutes and then failed
// with "Map maximum size exceeded": the usual-order count was (keys)² per post. Now it answers
// in well under a second, with the normal posts' fields still in their usual order.
import { afterEach, describe, expect, it } from 'vitest';
import { performance } from 'node:perf_hooks';
import { makeTempSite, type TempSite } from '../../support/temp-site';
import { AppServices } from '../../../electron/services/app-services';
import { frontmatterHandlers } from '../../../electron/handlers/frontmatter';
import { diskWorker } from '../../../electron/handlers/disk-worker';
import type { HostContext } from '../../../electron/services/context';
import { inferSection } from '../../../shared/frontmatter/schema';
import { SiteFields } from '../../../electron/services/frontmatter/site-fields';
import { openSiteFolder } from '../../../electron/services/site/open-site';

let site: TempSite | undefined;
afterEach(() => {
  site?.remove();
  site = undefined;
});

const MANY = Array.from({ length: 10_000 }, (_, i) => `key${i}: value ${i}`).join('\n');

async function handlers(root: string) {
  const settings = new Map<string, unknown>();
  const host: HostContext = {
    dataDir: root,
    settings: { get: <T>(k: string) => settings.get(k) as T | undefined, set: (k, v) => void settings.set(k, v) },
    secrets: { persistent: false, get: async () => null, set: async () => {} },
    desktop: null,
    emit: () => {},
  };
  const app = new AppServices(host);
  await app.openSite(root);
  // The schema is inferred in the disk worker: start its thread first (the app starts it when
  // the site opens), so the time below is the schema's, not a thread's start-up from source.
  await diskWorker(app).running();
  return frontmatterHandlers(app);
}

describe('schema inference on a post with 10,000 fields', () => {
  it('getSchema answers in under a second', async () => {
    site = makeTempSite({
      'content/blog/many/index.md': `---\ntitle: Many\n${MANY}\n---\nBody\n`,
      'content/blog/tides/index.md': '---\ntitle: Tides\ndate: 2025-03-14\ntags: [sea]\n---\nBody\n',
    });
    const h = await handlers(site.root);
    const started = performance.now();
    const schema = await h.getSchema({ section: 'blog' });
    const ms = performance.now() - started;
    expect(schema.fields.length).toBe(10_003);
    expect(schema.fields[0].key).toBe('title');
    expect(ms).toBeLessThan(1000);
  });

  it('inferSection alone keeps a 10,000-key post in its own order, fast', () => {
    const fields = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`key${i}`, `v${i}`]));
    const started = performance.now();
    const out = inferSection('blog', [{ section: 'blog', fields: { title: 'T', ...fields } }], []);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(out.slice(0, 3).map((f) => f.key)).toEqual(['title', 'key0', 'key1']);
    expect(out.at(-1)?.key).toBe('key9999');
  });

  it('a normal site still gets the usual order of its fields (pairwise count)', () => {
    const posts = [
      { section: 'blog', fields: { title: 'A', date: '2025-01-01', tags: ['x'] } },
      { section: 'blog', fields: { title: 'B', tags: ['y'] } },
      { section: 'blog', fields: { date: '2025-01-02', tags: ['z'] } },
    ];
    expect(inferSection('blog', posts, ['tags']).map((f) => f.key)).toEqual(['title', 'date', 'tags']);
  });

  it('a big site is read in slices: the main process answers other work while the fields are scanned', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 2000; i++) files[`content/blog/p${i}.md`] = `---\ntitle: Post ${i}\ntags: [sea]\n---\nBody\n`;
    site = makeTempSite(files);
    const fields = new SiteFields(await openSiteFolder(site.root));
    let turns = 0;
    let spinning = true;
    const spin = () => {
      if (!spinning) return;
      turns++;
      setImmediate(spin);
    };
    setImmediate(spin);
    const posts = await fields.posts();
    spinning = false;
    expect(posts).toHaveLength(2000);
    // One scan in a single synchronous block would let the loop turn at most once.
    expect(turns).toBeGreaterThanOrEqual(5);
  });
});
