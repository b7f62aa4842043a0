// Text inside paired shortcodes, checked with the real `hugo`: a post with callouts, tabs holding
// tabs (indented), a list inside a tab, a mermaid block and CRLF line endings builds to the same
// HTML after open+save in the editor engine, and after an edit of one word inside a nested tab
// only that word differs in the built pages.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readShortcodeInner } from '../../../electron/services/site/shortcode-templates';
import { splitFrontMatter } from '../../../shared/frontmatter/split';
import { engine, replaceText } from './helpers';

const sampleSite = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'content');
const hasHugo = spawnSync('hugo', ['version'], { encoding: 'utf8' }).status === 0;
if (!hasHugo) console.log('hugo-shortcode-content.test: skipped, `hugo` is not installed on this machine.');

const work = mkdtempSync(join(tmpdir(), 'postwright-hugo-sc-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function build(site: string, name: string): Map<string, string> {
  const out = join(work, name);
  execFileSync('hugo', ['--source', site, '--destination', out, '--quiet'], { stdio: 'pipe' });
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else files.set(relative(out, full), readFileSync(full, 'latin1'));
    }
  };
  walk(out);
  return files;
}

const changedFiles = (a: Map<string, string>, b: Map<string, string>) =>
  [...new Set([...a.keys(), ...b.keys()])].filter((n) => a.get(n) !== b.get(n)).sort();

const POST = [
  '---',
  'title: "Workshop tracks"',
  'date: 2025-11-02',
  '---',
  '',
  'Pick a track.',
  '',
  '{{< callout type="info" title="Rooms" >}}',
  'Both rooms are on the **first** floor.',
  '{{< /callout >}}',
  '',
  '{{< tabs >}}',
  '  {{% tab name="Morning" %}}',
  '',
  '  - Coffee at *eight*',
  '  - Talks  at nine',
  '',
  '  {{% /tab %}}',
  '  {{% tab name="Afternoon" %}}',
  '  Hands-on labs with the harbour team.',
  '  {{% /tab %}}',
  '{{< /tabs >}}',
  '',
  '{{< mermaid >}}',
  'graph TD;',
  '\tA-->B;',
  '{{< /mermaid >}}',
  '',
].join('\r\n');

describe.skipIf(!hasHugo)('shortcode content built by hugo', () => {
  const site = join(work, 'site');
  cpSync(sampleSite, site, { recursive: true });
  const sc = join(site, 'layouts', 'shortcodes');
  writeFileSync(join(sc, 'tabs.html'), '<div class="tabs">{{ .Inner | markdownify }}</div>\n');
  writeFileSync(join(sc, 'tab.html'), '<section class="tab" data-name="{{ .Get "name" }}">{{ .Inner }}</section>\n');
  writeFileSync(join(sc, 'mermaid.html'), '<pre class="mermaid">{{ .Inner | htmlEscape }}</pre>\n');
  const dir = join(site, 'content', 'blog', 'workshop-tracks');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'index.md');
  writeFileSync(file, POST);
  let before: Map<string, string>;

  async function openPost() {
    const e = await engine();
    e.core.shortcodeInner = await readShortcodeInner(site);
    const text = readFileSync(file, 'utf8');
    const split = splitFrontMatter(text);
    const head = text.slice(0, split.bodyOffset);
    const opened = e.open(text.slice(split.bodyOffset));
    e.core.shortcodeInner = undefined;
    return { head, opened };
  }

  it('builds the same HTML after open+save, the nested tabs shown as rich text', async () => {
    before = build(site, 'before');
    expect(before.get('blog/workshop-tracks/index.html')).toContain('<em>eight</em>');
    const { head, opened } = await openPost();
    expect(opened.parsed.unsafeReason).toBeNull();
    const names: string[] = [];
    opened.parsed.doc.descendants((n) => {
      if (n.type.name.startsWith('shortcode_')) names.push(`${n.type.name}:${(n.attrs.name as string) ?? ''}`);
    });
    expect(names).toEqual(['shortcode_container:callout', 'shortcode_container:tabs', 'shortcode_container:tab', 'shortcode_container:tab', 'shortcode_text:']);
    writeFileSync(file, head + opened.save());
    expect(readFileSync(file, 'utf8')).toBe(POST);
    expect(changedFiles(before, build(site, 'after-save'))).toEqual([]);
  }, 120_000);

  it('after an edit of one word in a nested tab, only that word differs', async () => {
    const { head, opened } = await openPost();
    writeFileSync(file, head + opened.save(replaceText(opened.parsed.doc, 'Hands-on labs', 'Hands-on workshops')));
    expect(readFileSync(file, 'utf8')).toBe(POST.replace('Hands-on labs', 'Hands-on workshops'));
    const after = build(site, 'after-edit');
    const changed = changedFiles(before, after);
    expect(changed).toContain('blog/workshop-tracks/index.html');
    for (const name of changed) expect(after.get(name)!.replaceAll('Hands-on workshops', 'Hands-on labs')).toBe(before.get(name));
  }, 120_000);
});
