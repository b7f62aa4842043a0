// Open-and-save is byte-identical for every construct fixture, and every file maps each of its
// blocks 1:1 to its source (so edits stay lossless, not merely "untouched file → same text").
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { roundtripText } from '../../../engine/roundtrip-text';
import { engine, fixture, fixturesDir } from './helpers';

const files = readdirSync(fixturesDir).filter((f) => f.endsWith('.md'));

describe('roundtrip of construct fixtures', () => {
  it.each(files)('%s is identical and mappable', async (name) => {
    const e = await engine();
    const raw = fixture(name);
    const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
    const result = roundtripText(e, text, true);
    expect(result.unsafeReason).toBeNull();
    expect(result.output).toBe(text);
  });

  it('keeps shortcodes, HTML and comments as single blocks (paired ones editable inside)', async () => {
    const e = await engine();
    const { doc } = e.open(fixture('shortcodes.md') + '\n' + fixture('html.md')).parsed;
    const kinds: string[] = [];
    doc.forEach((n) => kinds.push(n.type.name === 'raw_block' ? `raw:${n.attrs.kind}` : n.type.name));
    expect(kinds).toEqual([
      // {{< note >}} (no template known: its content as text), {{% notice %}} (Markdown).
      'paragraph', 'shortcode_block', 'shortcode_block', 'shortcode_block', 'shortcode_text',
      'shortcode_container', 'paragraph', 'shortcode_block',
      'raw:html', 'raw:comment', 'raw:html', 'raw:html', 'paragraph', 'raw:html', 'paragraph', 'raw:html',
    ]);
    const inline: string[] = [];
    doc.child(0).forEach((n) => n.type.name === 'shortcode_inline' && inline.push(n.attrs.value as string));
    expect(inline).toEqual(['{{< ref "schedule.md" >}}', '{{% relref "venue" %}}']);
    // The commented-out shortcode stays plain text.
    expect(doc.child(6).textContent).toContain('{{</* figure src="x.png" */>}}');
  });

  it('keeps reference definitions as blocks', async () => {
    const e = await engine();
    const { doc } = e.open(fixture('inline.md')).parsed;
    const defs: string[] = [];
    doc.forEach((n) => n.attrs.kind === 'definition' && defs.push(n.attrs.value as string));
    expect(defs).toEqual([
      '[venue]: https://example.org/venue "The venue"',
      '[collapsed]: https://example.org/collapsed',
      '[shortcut]: <https://example.org/with space>',
    ]);
  });
});
