// @vitest-environment jsdom
// The form in a DOM: named controls per key, and each change reported as the front-matter text
// with only that field's line changed.
import { describe, it, expect, afterEach, vi } from 'vitest';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffLines } from 'diff';
import { FrontMatterForm, NewPostDialog } from '../../../renderer/frontmatter';
import type { SectionSchema } from '../../../shared/frontmatter/schema';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
const SRC = readFileSync(join(__dirname, '../../fixtures/frontmatter/all-shapes.yaml'), 'utf8');

const f = (key: string, type: SectionSchema['fields'][number]['type'], extra: Partial<SectionSchema['fields'][number]> = {}) => ({
  key, label: key.charAt(0).toUpperCase() + key.slice(1), type, required: key === 'title', hidden: false, frequency: 1, position: 0, declared: false, taxonomy: false, ...extra,
});
const SCHEMA: SectionSchema = {
  section: 'blog', posts: 3, taxonomies: ['tags', 'categories'], configError: null,
  fields: [f('title', 'text'), f('description', 'text'), f('tags', 'text-list', { taxonomy: true }), f('date', 'date'), f('summary', 'long-text'), f('draft', 'boolean'), f('weight', 'integer'), f('lastmod', 'date-time'), f('publishDate', 'date-time'), f('images', 'image-list'), f('contributors', 'text-list'), f('canonicalurl', 'url'), f('menu', 'map')],
};

let root: Root | null = null;
let host: HTMLDivElement;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  host?.remove();
});

function render(node: React.ReactNode) {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root!.render(node));
}

/** Sets a controlled input's value the way a user's typing does, so React sees the change. */
function type(el: HTMLInputElement | HTMLTextAreaElement, value: string) {
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, value);
  act(() => el.dispatchEvent(new Event('input', { bubbles: true })));
}

// A field's control, found the way a writer finds it: by the visible label (its first text;
// "(key)" and the required mark follow), through the label's `for`. Null when there is none.
const byName = (label: string) => {
  const el = [...host.querySelectorAll('label')].find((l) => l.firstChild?.textContent === label);
  return (el ? document.getElementById(el.htmlFor) : null) as HTMLInputElement;
};
const changedLines = (a: string, b: string) => diffLines(a, b).filter((p) => p.added || p.removed).map((p) => (p.added ? '+' : '-') + p.value);

describe('FrontMatterForm', () => {
  it('says so when another post already uses the slug, once the writer pauses', async () => {
    const asked: string[] = [];
    const answers: Array<() => void> = [];
    // The site's check, answered by the test (inside act, so React renders the answer).
    const checkSlug = (slug: string) => {
      asked.push(slug);
      return new Promise<boolean>((resolve) => answers.push(() => resolve(slug !== 'driftwood-summit-2025-recap')));
    };
    const answer = () => act(async () => answers.shift()!());
    render(<FrontMatterForm format="yaml" frontMatter={SRC} schema={SCHEMA} checkSlug={checkSlug} onChange={() => {}} />);
    expect(host.textContent).not.toContain('Another post already uses the slug');
    expect(asked).toEqual([]); // not before the pause
    await vi.waitFor(() => expect(asked).toEqual(['driftwood-summit-2025-recap']), { timeout: 5_000, interval: 20 });
    await answer();
    expect(host.textContent).toContain('Another post already uses the slug "driftwood-summit-2025-recap"');
    // A free slug: no message.
    act(() => root!.render(<FrontMatterForm format="yaml" frontMatter={SRC.replace('slug: driftwood-summit-2025-recap', 'slug: tide-notes')} schema={SCHEMA} checkSlug={checkSlug} onChange={() => {}} />));
    await vi.waitFor(() => expect(asked).toEqual(['driftwood-summit-2025-recap', 'tide-notes']), { timeout: 5_000, interval: 20 });
    await answer();
    expect(host.textContent).not.toContain('Another post already uses the slug');
  });

  it('labels fields in words, and shows the file\'s own key only where two fields read the same', () => {
    const fm = 'title: A\ncanonicalurl: https://example.org/a\nlastmod: 2024-01-01\nlastMod: 2024-02-02\n';
    render(<FrontMatterForm format="yaml" frontMatter={fm} schema={null} onChange={() => {}} />);
    const more = [...host.querySelectorAll('button')].find((b) => b.textContent?.startsWith('More fields'));
    if (more) act(() => more.click());
    const labels = [...host.querySelectorAll('label')].map((l) => l.textContent);
    expect(labels).toContain('Canonical URL');
    expect(host.textContent).not.toContain('(canonicalurl)');
    expect(labels).toEqual(expect.arrayContaining(['Last modified (lastmod)', 'Last modified (lastMod)']));
    // The key is still there for whoever looks: as the label's tooltip.
    expect([...host.querySelectorAll('label')].find((l) => l.textContent === 'Canonical URL')!.title).toBe('canonicalurl');
  });

  it("shows the post's own fields up front before the section's schema arrives (the body does not jump)", () => {
    render(<FrontMatterForm format="yaml" frontMatter={SRC} schema={null} onChange={() => {}} />);
    const more = [...host.querySelectorAll('button')].find((b) => b.textContent?.startsWith('More fields'));
    for (const k of ['Title', 'Description', 'Tags', 'Date', 'Draft']) expect(byName(k), k).not.toBeNull();
    // Maps stay under "More fields", as with a schema.
    expect(more?.textContent).toMatch(/^More fields \(\d+\)$/);
    expect(byName('Menu')).toBeNull();
  });

  it('is a form named Front matter with a control per key, each change touching one line', () => {
    const out: string[] = [];
    render(<FrontMatterForm format="yaml" frontMatter={SRC} schema={SCHEMA} images={['images/blog/2025/driftwood/stage.png']} onChange={(t) => out.push(t)} />);
    expect(host.querySelector('form')!.getAttribute('aria-label')).toBe('Front matter');
    for (const k of ['Title', 'Description', 'Tags', 'Date', 'Summary', 'Draft', 'Weight', 'Lastmod', 'Images', 'Contributors', 'Canonicalurl']) expect(byName(k), k).not.toBeNull();

    type(byName('Title'), 'Tide: high');
    expect(changedLines(SRC, out.pop()!)).toEqual([`-title: "Why Driftwood Isn't Just a Conference: Notes + Questions?"\n`, '+title: "Tide: high"\n']);

    act(() => byName('Draft').click());
    expect(changedLines(SRC, out.pop()!)).toEqual(['-draft: false\n', '+draft: true\n']);

    type(byName('Lastmod'), '2025-05-02T09:15:00');
    expect(changedLines(SRC, out.pop()!)).toEqual(['-lastmod: 2025-05-01T0:00:00+00:00\n', '+lastmod: 2025-05-02T9:15:00+00:00\n']);

    type(byName('PublishDate'), '2025-12-21T11:00:00');
    expect(changedLines(SRC, out.pop()!)).toEqual(['-publishDate: 2025-12-21T10:00:00\n', '+publishDate: 2025-12-21T11:00:00\n']);

    type(byName('Date'), '2025-12-03');
    expect(changedLines(SRC, out.pop()!)).toEqual(['-date: 2025-12-02\n', '+date: 2025-12-03\n']);

    type(byName('Weight'), '7');
    expect(changedLines(SRC, out.pop()!)).toEqual(['-weight: 50\n', '+weight: 7\n']);

    const tags = byName('Tags');
    type(tags, 'harbour');
    act(() => tags.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
    expect(changedLines(SRC, out.pop()!)).toEqual(['+  - harbour\n']);

    act(() => host.querySelector<HTMLButtonElement>('[aria-label="Remove Mara Okonkwo-Lindqvist from Contributors"]')!.click());
    expect(changedLines(SRC, out.pop()!)).toEqual(['-contributors: ["Mara Okonkwo-Lindqvist"]\n', '+contributors: []\n']);

    const summary = byName('Summary') as unknown as HTMLTextAreaElement;
    expect(summary.value.endsWith('\n')).toBe(false);
    type(summary, 'Short.');
    expect(out.pop()).toContain('summary: >\n  Short.\ncanonicalurl');
  });

  it("changes only the title line of TOML front matter with spaced table headers and trailing blanks", () => {
    const toml = 'title = "A"\nsubtitle = "b" \n[ author ]\nname = "Ana"\n[[ links ]]\nurl = "x"\n';
    const out: string[] = [];
    render(<FrontMatterForm format="toml" frontMatter={toml} schema={SCHEMA} onChange={(t) => out.push(t)} />);
    type(byName('Title'), 'X');
    expect(out.pop()).toBe(toml.replace('title = "A"', 'title = "X"'));
  });

  it('puts unknown keys and maps under More fields, editable one key at a time', () => {
    const out: string[] = [];
    render(<FrontMatterForm format="yaml" frontMatter={SRC} schema={SCHEMA} onChange={(t) => out.push(t)} />);
    const more = [...host.querySelectorAll('button')].find((b) => b.textContent?.startsWith('More fields'))!;
    expect(byName('Menu')).toBeNull();
    act(() => more.click());
    const menu = byName('Menu') as unknown as HTMLTextAreaElement;
    type(menu, 'main:\n  weight: 4\n  parent: events');
    act(() => [...host.querySelectorAll('button')].find((b) => b.textContent === 'Apply Menu')!.click());
    expect(changedLines(SRC, out.pop()!)).toEqual(['-    weight: 3\n', '+    weight: 4\n']);
    expect(byName('Speakers')).not.toBeNull();
    act(() => host.querySelector<HTMLButtonElement>('[aria-label="Remove field Speakers"]')!.click());
    expect(changedLines(SRC, out.pop()!)).toEqual(['-speakers:\n  - "Ivo Brandt"\n  - "Selma Ruiz"\n']);
  });

  it('shows broken front matter read-only with its line and a raw editor', () => {
    const out: string[] = [];
    render(<FrontMatterForm format="yaml" frontMatter={'title: "open\ndraft: true\n'} schema={SCHEMA} onChange={(t) => out.push(t)} />);
    expect(host.querySelector('form')).toBeNull();
    expect(host.querySelector('[role="alert"]')!.textContent).toMatch(/Line \d+, column \d+: A closing quote or bracket is missing/);
    const raw = host.querySelector('textarea')!;
    type(raw, 'title: "open"\ndraft: true\n');
    expect(out.pop()).toBe('title: "open"\ndraft: true\n');
  });
});

describe('NewPostDialog', () => {
  it('is a dialog named New post asking title and section', async () => {
    const made: Array<{ title: string; section: string }> = [];
    render(<NewPostDialog sections={['blog', 'events']} onCreate={(r) => void made.push(r)} onCancel={() => {}} />);
    // The app's one dialog frame (ui/Dialog): a native <dialog>, named by its title.
    const dialog = host.querySelector('dialog.modal')!;
    expect(dialog).not.toBeNull();
    expect(document.getElementById(dialog.getAttribute('aria-labelledby')!)!.textContent).toBe('New post');
    // The shared button row: the main answer first, Cancel last.
    expect([...dialog.querySelectorAll('.modal-actions button')].map((b) => b.textContent)).toEqual(['Create', 'Cancel']);
    const title = dialog.querySelector('input')!;
    expect(document.activeElement).toBe(title);
    type(title, 'Harbour Lights');
    await act(async () => dialog.querySelector('form')!.requestSubmit());
    expect(made).toEqual([{ title: 'Harbour Lights', section: 'blog' }]);
  });

  it('Escape cancels, and an empty title is refused in words without creating anything', async () => {
    const made: unknown[] = [];
    let cancelled = 0;
    render(<NewPostDialog sections={['blog']} onCreate={(r) => void made.push(r)} onCancel={() => cancelled++} />);
    const dialog = host.querySelector('dialog')!;
    await act(async () => dialog.querySelector('form')!.requestSubmit());
    expect(dialog.querySelector('[role="alert"]')!.textContent).toBe('Give the post a title.');
    expect(made).toEqual([]);
    act(() => void dialog.querySelector('input')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(cancelled).toBe(1);
  });
});
