// `postwright editcheck`: a word typed into every text block (nested ones too) reads back as typed
// after a source-preserving save. Report shape, seeds, exit codes, and the edits that used to
// read back wrong: code in a CRLF file (its CRs were written twice), a fence or list indented by
// a few spaces (its other lines lost the indentation), and typing into an empty post (the save
// looked for the source of a paragraph that is not in the file).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { Node as PmNode } from '@milkdown/kit/prose/model';
import { parseEditCheckArgs, run } from '../../../electron/cli/commands/editcheck';
import { checkEdits, insertWord, seededRandom, textBlocks } from '../../../electron/cli/checks/edit-check';
import type { HeadlessEngine } from '../../../engine/headless';
import { engine } from './helpers';

async function capture(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((out += String(chunk)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((err += String(chunk)), true));
  try {
    return { code: await run(argv), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

const NESTED = [
  '---',
  'title: Nested',
  '---',
  '# Harbour day',
  '',
  'A paragraph with **bold** and a note[^1].',
  '',
  '- an item',
  '  > a quote in it',
  '',
  '| a | b |',
  '| - | - |',
  '| cell | two |',
  '',
  '```go',
  'fmt.Println("hi")',
  '```',
  '',
  '[^1]: The note, with *emphasis*.',
  '',
].join('\n');

describe('postwright editcheck', () => {
  it('edits every text block, nested ones included, and reports them all read back as typed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pw-editcheck-'));
    writeFileSync(join(dir, 'nested.md'), NESTED);
    const { code, out } = await capture([dir, '--json', '--seed', '5']);
    const report = JSON.parse(out);
    // heading, paragraph, list item paragraph, quote paragraph, 4 table cells, code, footnote paragraph
    expect(report).toMatchObject({ files: 1, edits: 10, wrong: 0, otherLinesChanged: 0, failures: [] });
    expect(code).toBe(0);
    // The same seed edits the same places; --rounds edits every block again at new places.
    expect(JSON.parse((await capture([dir, '--json', '--seed', '5'])).out)).toEqual(report);
    expect(JSON.parse((await capture([dir, '--json', '--seed=5', '--rounds=3'])).out)).toMatchObject({ edits: 30, wrong: 0 });
  });

  it("opens each post as the app does, with its site's shortcode templates: a body under a Markdown template is edited block by block", async () => {
    const site = mkdtempSync(join(tmpdir(), 'pw-editcheck-site-'));
    writeFileSync(join(site, 'hugo.toml'), 'title = "Site"\n');
    mkdirSync(join(site, 'layouts', 'shortcodes'), { recursive: true });
    writeFileSync(join(site, 'layouts', 'shortcodes', 'harbour-note.html'), '<aside>{{ .Inner | markdownify }}</aside>\n');
    mkdirSync(join(site, 'content', 'posts'), { recursive: true });
    writeFileSync(join(site, 'content', 'posts', 'a.md'), '---\ntitle: A\n---\n{{< harbour-note >}}\nFirst **paragraph**.\n\nSecond one.\n\n- a list item\n{{< /harbour-note >}}\n');
    const report = JSON.parse((await capture([join(site, 'content'), '--json', '--seed', '3'])).out);
    // Without the site's template the body is one plain-text block (1 edit); with it, three.
    expect(report).toMatchObject({ files: 1, edits: 3, wrong: 0, failures: [] });
    const e = await engine();
    expect(e.core.shortcodeInner).toBeUndefined();
  });

  it('reads back a word typed into fenced code of a CRLF post (a CR was written twice)', async () => {
    const e = await engine();
    const body = 'Intro line.\r\n\r\n```\r\nline one\r\nline two\r\n```\r\n\r\n> ```\r\n> quoted code\r\n> ```\r\n';
    const r = checkEdits(e, 'crlf.md', body, seededRandom(3), 20);
    expect(r.edits).toBe(60);
    expect(r.failures).toEqual([]);
    expect(r.otherLinesChanged).toBe(0);
  });

  it('reads back a word typed into a footnote definition, its continuation lines and its nested blocks', async () => {
    const e = await engine();
    const body = 'Text[^a] and[^b].\n\n[^a]: line one\ncontinued lazy line\n\n[^b]: First para.\n\n    Second para.\n\n    - one\n    - two\n';
    const r = checkEdits(e, 'notes.md', body, seededRandom(11), 20);
    expect(r.edits).toBe(20 * 6);
    expect(r.failures).toEqual([]);
  });

  it('reads back a word typed into a shortcode body (the card records its old source, which is not content)', async () => {
    const e = await engine();
    const body = 'Intro.\n\n{{% notice tip %}}\nInner **text** here.\n\n- one\n{{% /notice %}}\n';
    const r = checkEdits(e, 'notice.md', body, seededRandom(5), 10);
    expect(r.edits).toBe(10 * 3);
    expect(r.failures).toEqual([]);
  });

  it('reads back a word typed into an indented fence or list (their other lines lost the indentation)', async () => {
    const e = await engine();
    const body = 'Intro.\n\n  ```css\n  .element {\n    color: red;\n  }\n  ```\n\n  - item one\n\n    More about it.\n\n  - item two\n';
    const r = checkEdits(e, 'indented.md', body, seededRandom(4), 10);
    expect(r.failures).toEqual([]);
    expect(r.otherLinesChanged).toBe(0);
  });

  it('types into an empty post and saves it (it used to fail on the empty paragraph)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pw-editcheck-'));
    writeFileSync(join(dir, 'empty.md'), '---\ntitle: Empty\n---\n');
    const { code, out } = await capture([dir, '--json']);
    expect(JSON.parse(out)).toMatchObject({ files: 1, edits: 1, wrong: 0, errors: [] });
    expect(code).toBe(0);
  });

  it('counts an edit that reads back differently as wrong, with the file, block, before and after', async () => {
    const e = await engine();
    // A save that loses the writer's word: every edit must be reported.
    const losing: HeadlessEngine = { ...e, open: (body) => ({ ...e.open(body), save: () => body }) };
    const r = checkEdits(losing, 'post.md', 'One paragraph.\n\n- an item\n', seededRandom(1));
    expect(r.wrong).toBe(2);
    expect(r.failures[0]).toMatchObject({ file: 'post.md', block: '0 paragraph' });
    expect(r.failures[0].before).not.toBe(r.failures[0].after);
    expect(r.failures[1].block).toBe('1.0.0 paragraph');
  });

  it('types a word with the marks at the cursor and spaces where it would run into a neighbour', async () => {
    const e = await engine();
    const doc = e.open('Some **bold** text.\n').parsed.doc;
    const [block] = textBlocks(doc);
    let boldFog = 0;
    for (let seed = 0; seed < 40; seed++) {
      const edited = insertWord(doc, block, seededRandom(seed), 'fog');
      const t = edited.textContent;
      expect(t).toMatch(/(^|\s)[Ff]og(\s|$)/);
      expect(t.replace(/[Ff]og/, '').replace(/\s+/g, '')).toBe('Someboldtext.');
      edited.descendants((n) => void (n.isText && /fog/.test(n.text!) && n.marks.some((m) => m.type.name === 'strong') && boldFog++));
    }
    expect(boldFog).toBeGreaterThan(0);
    expect(PmNode.fromJSON(e.core.schema, doc.toJSON()).eq(doc)).toBe(true);
  });

  it('refuses bad arguments with a plain message, exit 2', async () => {
    expect(() => parseEditCheckArgs([])).toThrow(/Which posts/);
    expect(() => parseEditCheckArgs(['a', '--seed', 'x'])).toThrow(/--seed needs a whole number/);
    expect(() => parseEditCheckArgs(['a', '--rounds=0'])).toThrow(/at least 1/);
    const r = await capture(['--bogus', 'a']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^postwright editcheck: Unknown option "--bogus"/);
  });
});
