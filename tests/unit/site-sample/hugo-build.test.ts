// The sample site in content/ must build with plain `hugo` (no theme, no network), because
// writers preview with it and teammates' end-to-end tests open it. The build runs on a copy in
// a temp folder so the repo never gets a public/ or resources/ folder.
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const sample = resolve(__dirname, '..', '..', '..', 'content');
const hugoVersion = spawnSync('hugo', ['version'], { encoding: 'utf8' });
const hugoMissing = hugoVersion.error != null || hugoVersion.status !== 0;
if (hugoMissing) console.log('[site-sample] hugo is not installed here: skipping the sample site build test.');

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => join(dir, f));
}

describe.skipIf(hugoMissing)('the sample site builds with hugo', () => {
  let work = '';
  let result: ReturnType<typeof spawnSync>;

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'postwright-sample-'));
    cpSync(sample, work, { recursive: true });
    result = spawnSync('hugo', ['--destination', join(work, 'public'), '--panicOnWarning=false'], {
      cwd: work,
      encoding: 'utf8',
      // No network: hugo must not need modules or remote resources for this site.
      env: { ...process.env, HUGO_ENVIRONMENT: 'production', HTTP_PROXY: 'http://127.0.0.1:9', HTTPS_PROXY: 'http://127.0.0.1:9' },
      timeout: 60_000,
    });
  });

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('exits cleanly without errors', () => {
    expect(result.status, String(result.stderr)).toBe(0);
    expect(String(result.stderr)).not.toMatch(/ERROR/);
  });

  it('renders every published post and leaves the draft out', () => {
    const blog = join(work, 'public', 'blog');
    const built = readdirSync(blog).filter((d) => statSync(join(blog, d)).isDirectory());
    const posts = readdirSync(join(sample, 'content', 'blog')).filter((d) => statSync(join(sample, 'content', 'blog', d)).isDirectory());
    const drafts = posts.filter((p) => /^draft\s*[:=]\s*true/m.test(readFileSync(join(sample, 'content', 'blog', p, 'index.md'), 'utf8')));
    expect(drafts.length).toBeGreaterThanOrEqual(1);
    for (const p of posts) {
      if (drafts.includes(p)) expect(built).not.toContain(p);
      else expect(existsSync(join(blog, p, 'index.html')), p).toBe(true);
    }
  });

  it('renders the shortcodes: figure, youtube, note and callout', () => {
    const recap = readFileSync(join(work, 'public', 'blog', 'driftwood-summit-2025-recap', 'index.html'), 'utf8');
    expect(recap).toContain('<figure');
    expect(recap).toContain('booth.png');
    expect(recap).toMatch(/<iframe[^>]+youtube/);
    const booth = readFileSync(join(work, 'public', 'blog', 'booth-notes', 'index.html'), 'utf8');
    expect(booth).toContain('class="note"');
    const cfp = readFileSync(join(work, 'public', 'blog', 'call-for-speakers', 'index.html'), 'utf8');
    expect(cfp).toContain('callout-info');
    expect(cfp).toContain('callout-warning');
  });

  it('copies static images and page bundle images', () => {
    expect(existsSync(join(work, 'public', 'images', 'blog', '2025', 'driftwood-summit-2025-recap', 'photo-1.png'))).toBe(true);
    expect(existsSync(join(work, 'public', 'blog', 'driftwood-summit-2025-recap', 'booth.png'))).toBe(true);
  });

  it('loads no script, font, stylesheet or image from the network', () => {
    for (const file of htmlFiles(join(work, 'public'))) {
      const html = readFileSync(file, 'utf8');
      expect(html, file).not.toMatch(/<script[^>]+src=["']?(https?:)?\/\//i);
      expect(html, file).not.toMatch(/<link[^>]+href=["']?(https?:)?\/\//i);
      expect(html, file).not.toMatch(/<img[^>]+src=["']?(https?:)?\/\//i);
      expect(html, file).not.toMatch(/@import|fonts\.googleapis/i);
    }
  });
});
