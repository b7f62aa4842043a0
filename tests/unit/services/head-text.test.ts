// A first listing decodes only the start of a post's head when its front matter ends there
// (head-text.ts). Whatever the post, the list must get exactly what decoding the whole head gave.
import { describe, expect, it } from 'vitest';
import { headText } from '../../../electron/services/site/head-text';
import { summarize } from '../../../electron/services/site/list-posts';

const body = (n: number) => Array.from({ length: n }, (_, i) => `Paragraph ${i} of the harbour day, with café crème and 🦀.\n`).join('\n');

/** The summary from the whole head, as the one-thread listing makes it. */
function whole(rel: string, bytes: Buffer) {
  const text = bytes.toString('utf8');
  return summarize(rel, text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
}

function fromHead(rel: string, bytes: Buffer) {
  const { text, binary } = headText(bytes);
  return { summary: summarize(rel, text, binary), decoded: text.length };
}

const cases: Record<string, string> = {
  'short YAML, long body': `---\ntitle: "Harbour Day"\ndate: 2025-06-01\ntags: [boats, rain]\n---\n${body(80)}`,
  'TOML': `+++\ntitle = "Harbour Day"\ndate = 2025-06-01\n+++\n${body(80)}`,
  'JSON': `{\n  "title": "Harbour Day",\n  "date": "2025-06-01"\n}\n${body(80)}`,
  'blank lines first, CRLF': `\r\n\r\n---\r\ntitle: Harbour Day\r\n---\r\n${body(80)}`,
  'no front matter': `# Harbour Day\n\n${body(80)}`,
  'byte order mark': `\ufeff---\ntitle: Harbour Day\n---\n${body(80)}`,
  'front matter past the prefix': `---\ntitle: Harbour Day\ndescription: "${'long words '.repeat(200)}"\n---\n${body(80)}`,
  'never closed': `---\ntitle: Harbour Day\n${body(80)}`,
  'a 0 byte far into the body': `---\ntitle: Harbour Day\n---\n${body(60)}\0${body(5)}`,
  'a dashes line that is not a delimiter': `---\ntitle: Harbour Day\n----\nstill: front matter\n---\n${body(80)}`,
  'one first line longer than the prefix': `${'words '.repeat(400)}\n---\ntitle: x\n---\n`,
};

describe('headText: the start of a head, when it holds all the list reads', () => {
  for (const [name, text] of Object.entries(cases)) {
    it(`gives the list what the whole head gives: ${name}`, () => {
      const bytes = Buffer.from(text);
      expect(fromHead('blog/day/index.md', bytes).summary).toEqual(whole('blog/day/index.md', bytes));
    });
  }

  it('decodes only the start of a long post whose front matter is short', () => {
    expect(fromHead('a.md', Buffer.from(cases['short YAML, long body'])).decoded).toBeLessThan(1100);
    expect(fromHead('a.md', Buffer.from(cases['front matter past the prefix'])).decoded).toBeGreaterThan(2000);
  });

  it('gives the same when the prefix cuts a character in two, or the closing line', () => {
    // Shift the front matter so that every byte position near the prefix's end is tried.
    for (let pad = 0; pad < 16; pad++) {
      const fm = `---\ntitle: "${'é'.repeat(495 + pad)}"\n---\n`;
      for (const text of [fm + body(40), fm.replace(/\n---\n$/, '\n----\n---\n') + body(40)]) {
        const bytes = Buffer.from(text);
        expect(fromHead('a.md', bytes).summary).toEqual(whole('a.md', bytes));
      }
    }
  });
});
