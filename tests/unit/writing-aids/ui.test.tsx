// @vitest-environment jsdom
// The writing aids' UI pieces rendered for real (React 19 in jsdom), talking to the real handler
// table over the real dispatch, on a site in a temp folder. Elements are found by role + name.
import { describe, it, expect, beforeAll, afterAll, afterEach, vi } from 'vitest';
import { act, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeTempSite, type TempSite } from '../../support/temp-site';
import { AppServices } from '../../../electron/services/app-services';
import { createWebHostContext } from '../../../electron/web/web-host-context';
import { createHandlerTable } from '../../../electron/handlers';
import { createDispatch } from '../../../shared/ipc/dispatch';
import { createApi, type Api } from '../../../shared/ipc/client';
import {
  MojibakeBanner,
  SearchPanel,
  OutlineList,
  CountsDisplay,
  ChecklistPanel,
  FindReplaceBar,
  BuiltinPreview,
  findMatches,
  replaceAll,
} from '../../../renderer/writing-aids';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLElement;
let root: Root | null = null;
async function mount(el: ReactElement) {
  container = document.createElement('div');
  document.body.appendChild(container);
  root = createRoot(container);
  await act(async () => root!.render(el));
}
afterEach(async () => {
  await act(async () => root?.unmount());
  root = null;
  container?.remove();
});

function byRole(role: string, name: string | RegExp): HTMLElement {
  const all = [...container.querySelectorAll<HTMLElement>('*')].filter((e) => roleOf(e) === role && matches(accessibleName(e), name));
  if (!all.length) throw new Error(`no ${role} named ${String(name)} in ${container.innerHTML.slice(0, 500)}`);
  return all[0];
}
function roleOf(e: HTMLElement): string {
  const explicit = e.getAttribute('role');
  if (explicit) return explicit;
  const tag = e.tagName.toLowerCase();
  if (tag === 'button') return 'button';
  if (tag === 'select') return 'combobox';
  if (tag === 'nav') return 'navigation';
  if (tag === 'input') return ({ search: 'searchbox', checkbox: 'checkbox', text: 'textbox' } as Record<string, string>)[(e as HTMLInputElement).type] ?? 'textbox';
  return tag;
}
function accessibleName(e: HTMLElement): string {
  const label = e.getAttribute('aria-label');
  if (label) return label;
  const wrap = e.closest('label');
  return (wrap ? wrap.textContent : e.textContent)?.trim() ?? '';
}
const matches = (s: string, n: string | RegExp) => (typeof n === 'string' ? s === n : n.test(s));
async function type(input: HTMLElement, value: string) {
  await act(async () => {
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    setter.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
async function click(el: HTMLElement) {
  await act(async () => el.click());
}
/** Waits until `find` stops throwing (the real services answer from a worker thread, so how long
 * that takes depends on the machine): vitest's condition wait, with React's pending work flushed
 * before each look. */
const until = <T,>(find: () => T, timeout = 10_000): Promise<T> =>
  vi.waitFor(async () => {
    await act(async () => {});
    return find();
  }, { timeout });

describe('with a real api on a temp site', () => {
  let site: TempSite;
  let app: AppServices;
  let api: Api;
  const data = mkdtempSync(join(tmpdir(), 'postwright-data-'));
  beforeAll(async () => {
    site = makeTempSite({
      'content/blog/day-one.md': '---\ntitle: "Driftwood day one"\ndate: 2025-10-02\ntags: [recap]\n---\n\nThe lanternfish keynote.\n',
      'content/blog/day-two.md': '---\ntitle: "Driftwood day two"\ndate: 2025-10-03\ndraft: true\ntags: [recap]\n---\n\nA lanternfish workshop.\n',
    });
    app = new AppServices(createWebHostContext(data));
    await app.openSite(site.root);
    const dispatch = createDispatch(createHandlerTable(app));
    api = createApi({ call: (c, p) => dispatch(c, p), subscribe: () => () => {}, assetUrl: (p) => `/asset/${p}` });
  });
  afterAll(async () => {
    await app.closeSite();
    site.remove();
    rmSync(data, { recursive: true, force: true });
  });

  it('search panel: results as you type, highlighted, filtered', async () => {
    const opened: string[] = [];
    await mount(<SearchPanel api={api} onOpen={(p) => opened.push(p)} debounceMs={0} />);
    await type(byRole('searchbox', 'Search all posts'), 'lanternf');
    expect(await until(() => byRole('status', /2 posts/))).toBeTruthy();
    const marks = [...container.querySelectorAll('mark')].map((m) => m.textContent);
    expect(marks).toContain('lanternfish');
    await act(async () => {
      const sel = byRole('combobox', /^Status/) as HTMLSelectElement;
      sel.value = 'drafts';
      sel.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(await until(() => byRole('status', /^1 post/))).toBeTruthy();
    await click(byRole('button', 'Open Driftwood day two'));
    expect(opened).toEqual(['blog/day-two.md']);
  });

  it('search panel: says in plain words that search is getting ready while the index is built', async () => {
    // An index still being built: the answer has not come (a large site's first launch).
    let answer: (r: Awaited<ReturnType<Api['searchPosts']>>) => void = () => {};
    const building: Api = { ...api, searchPosts: () => new Promise((resolve) => (answer = resolve)) };
    await mount(<SearchPanel api={building} onOpen={() => {}} debounceMs={0} slowMs={50} />);
    expect(await until(() => byRole('status', /^Getting search ready… The first search after opening a large site reads every post/))).toBeTruthy();
    await act(async () => answer({ hits: [], total: 0, indexed: 2, tookMs: 1, sections: [], tags: [] }));
    expect(await until(() => byRole('status', 'No posts.'))).toBeTruthy();
  });

  it('checklist panel: problems in plain words from main', async () => {
    await mount(<ChecklistPanel api={api} path="blog/day-one.md" debounceMs={0} />);
    expect(await until(() => byRole('status', /0 to fix, 1 to consider/))).toBeTruthy();
    expect(container.textContent).toContain('has no description');
    await mount(<ChecklistPanel api={api} path="blog/day-one.md" raw={'---\ntitle: ""\n---\n'} debounceMs={0} />);
    await until(() => expect(container.textContent).toContain('The post has no title.'));
  });
});

describe('pieces driven by the editor', () => {
  it('mojibake banner: count, preview, Fix', async () => {
    let fixed = '';
    const text = '---\ntitle: "We‚Äôre back"\n---\nLaunch day \uF8FFüöÄ\n';
    await mount(<MojibakeBanner text={text} onFix={(t) => (fixed = t)} />);
    expect(byRole('region', 'Garbled characters').textContent).toContain('2 garbled characters');
    expect(container.textContent).toContain('’');
    await click(byRole('button', 'Fix'));
    expect(fixed).toBe('---\ntitle: "We’re back"\n---\nLaunch day 🚀\n');
    await mount(<MojibakeBanner text="Nothing wrong — café" onFix={() => {}} />);
    expect(container.innerHTML).toBe('');
  });

  it('outline list jumps to a heading', async () => {
    const jumps: number[] = [];
    await mount(<OutlineList text={'---\ntitle: x\n---\n\n## Keynote\n\n### Booth\n'} onJump={(h) => jumps.push(h.line)} />);
    await click(byRole('button', 'Go to heading: Booth'));
    expect(jumps).toEqual([7]);
  });

  it('outline list keeps its rows when text before the headings changes, and jumps to the new place', async () => {
    const jumps: number[] = [];
    const post = (intro: string) => `---\ntitle: x\n---\n\n${intro}\n\n## Keynote\n\n### Booth\n`;
    await mount(<OutlineList text={post('Intro.')} onJump={(h) => jumps.push(h.offset)} />);
    const rows = [...container.querySelectorAll('li')];
    await act(async () => root!.render(<OutlineList text={post('A longer intro.')} onJump={(h) => jumps.push(h.offset)} />));
    // The same elements: a typed character does not rebuild every heading after it.
    expect([...container.querySelectorAll('li')]).toEqual(rows);
    expect(rows.every((r) => r.isConnected)).toBe(true);
    await click(byRole('button', 'Go to heading: Booth'));
    expect(jumps).toEqual([post('A longer intro.').indexOf('### Booth')]);
  });

  it('counts display: post and selection', async () => {
    await mount(<CountsDisplay body="Three little words" selection="little words" />);
    expect(byRole('status', 'Word count').textContent).toContain('3 words');
    expect(container.textContent).toContain('Selection: 2 words');
  });

  it('find and replace bar: options reach the editor, keyboard works', async () => {
    let text = 'Tide tide TIDE tidewater';
    const calls: string[] = [];
    let opts = { matchCase: false, wholeWord: false };
    let query = '';
    const state = () => ({ count: findMatches(text, query, opts).length, current: 1 });
    await mount(
      <FindReplaceBar
        onFind={(q, o) => {
          query = q;
          opts = o;
          return state();
        }}
        onNext={() => (calls.push('next'), state())}
        onPrevious={() => (calls.push('prev'), state())}
        onReplace={() => state()}
        onReplaceAll={(r) => {
          const res = replaceAll(text, query, r, opts);
          text = res.text;
          return res.count;
        }}
        onClose={() => calls.push('close')}
      />,
    );
    const find = byRole('searchbox', 'Find');
    expect(document.activeElement).toBe(find);
    await type(find, 'tide');
    expect(byRole('status', '1 of 4')).toBeTruthy();
    await click(byRole('checkbox', 'Whole word'));
    expect(byRole('status', '1 of 3')).toBeTruthy();
    await click(byRole('checkbox', 'Match case'));
    expect(byRole('status', '1 of 1')).toBeTruthy();
    await act(async () => find.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
    await act(async () => find.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', shiftKey: true, bubbles: true })));
    await type(byRole('textbox', 'Replace with'), 'Current');
    await click(byRole('button', 'Replace all'));
    expect(text).toBe('Tide Current TIDE tidewater');
    await act(async () => find.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(calls).toEqual(['next', 'prev', 'close']);
  });

  it('built-in preview: Markdown, shortcode cards, raw HTML as text, no remote loads', async () => {
    const raw = [
      '---',
      'title: x',
      '---',
      '## Day one',
      '',
      'The **booth** was busy. <script>alert(1)</script>',
      '',
      '{{< figure src="booth.png" alt="The booth" caption="Our booth" >}}',
      '',
      '{{< youtube abc123 >}}',
      '',
      '![Remote](https://example.com/x.png)',
      '',
      '<img src="/images/a.png" onerror="alert(1)">',
    ].join('\n');
    await mount(<BuiltinPreview raw={raw} postPath="blog/day-one/index.md" assetUrl={(p) => `/asset/${p}`} />);
    expect(container.querySelector('h3')?.textContent).toBe('Day one');
    expect(container.querySelector('strong')?.textContent).toBe('booth');
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('[onerror]')).toBeNull();
    expect(container.textContent).toContain('<script>alert(1)</script>');
    const imgs = [...container.querySelectorAll('img')].map((i) => i.getAttribute('src'));
    expect(imgs).toEqual(['/asset/content/blog/day-one/booth.png']);
    expect(byRole('figure', 'Our booth')).toBeTruthy();
    expect(byRole('group', 'Shortcode youtube').textContent).toContain('YouTube video abc123');
    expect(container.textContent).toContain('not loaded in the preview: https://example.com/x.png');
  });
});
