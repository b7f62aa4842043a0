// @vitest-environment jsdom
// The recovery dialog against the real handler table (through the typed client and dispatch):
// it lists the journal, restores, compares and discards only after a second click.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { createApi, type Api } from '../../../shared/ipc/client';
import { RecoveryDialog, JournalAutosave, type RestoredText } from '../../../renderer/recovery';
import { makeTestApp, type TestApp } from './test-app';

beforeAll(() => {
  // jsdom has no modal dialogs; the real ones are exercised in Chromium by the e2e tests.
  const proto = window.HTMLDialogElement.prototype as unknown as { showModal(): void; close(): void; open: boolean };
  proto.showModal = function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  proto.close = function (this: HTMLDialogElement) {
    this.removeAttribute('open');
  };
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});

let t: TestApp | undefined;
let root: Root | undefined;
afterEach(async () => {
  act(() => root?.unmount());
  root = undefined;
  document.body.innerHTML = '';
  await t?.dispose();
  t = undefined;
});

function apiFor(app: TestApp): Api {
  return createApi({ call: (ch, payload) => app.dispatch(ch, payload), subscribe: () => () => {}, assetUrl: (p) => p });
}

async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await act(() => new Promise((r) => setTimeout(r, 10)));
}

function button(scope: Element, name: string): HTMLButtonElement {
  const b = [...scope.querySelectorAll('button')].find((x) => x.textContent === name);
  if (!b) throw new Error(`no button "${name}" in ${scope.outerHTML.slice(0, 300)}`);
  return b;
}

const POST = '---\ntitle: Driftwood Summit\n---\nFirst line.\n';

describe('RecoveryDialog', () => {
  it('offers each unsaved post, restores one, compares and discards another after confirming', async () => {
    t = await makeTestApp({ 'content/a.md': POST, 'content/b.md': POST });
    const api = apiFor(t);
    const a = await api.readPost({ path: 'a.md' });
    // Typed through the autosave helper, as the editor would.
    const autosave = new JournalAutosave(api, 20);
    autosave.changed('a.md', `${POST}Unsaved A.\n`, a.hash);
    autosave.changed('b.md', `${POST}Unsaved B.\n`, a.hash);
    await autosave.flush();

    const restored: RestoredText[] = [];
    let closed = 0;
    const host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
    act(() => root!.render(<RecoveryDialog api={api} onRestore={(r) => restored.push(r)} onClose={() => closed++} />));
    await settle();

    const dialog = document.querySelector('dialog')!;
    const title = document.getElementById(dialog.getAttribute('aria-labelledby')!)!;
    expect(title.textContent).toBe('Recover unsaved posts');
    const itemA = dialog.querySelector('li[aria-label="a.md"]')!;
    const itemB = dialog.querySelector('li[aria-label="b.md"]')!;
    expect(itemA.textContent).toContain('+ Unsaved A.');

    act(() => button(itemB, 'Compare').click());
    await settle();
    expect(itemB.querySelector('[role="region"]')!.getAttribute('aria-label')).toBe('Differences in b.md');
    expect(itemB.querySelector('ins')!.textContent).toBe('+ Unsaved B.\n');

    act(() => button(itemA, 'Restore').click());
    await settle();
    expect(restored).toEqual([{ path: 'a.md', raw: `${POST}Unsaved A.\n`, baseHash: a.hash }]);

    act(() => button(itemB, 'Discard').click());
    expect((await api.journalList({})).map((e) => e.path)).toContain('b.md'); // not yet: asks first
    act(() => button(dialog.querySelector('li[aria-label="b.md"]')!, 'Discard for good').click());
    await settle();
    expect((await api.journalList({})).map((e) => e.path)).toEqual(['a.md']); // restored text stays until saved
    expect(closed).toBe(1);
    await autosave.saved('a.md');
    expect(await api.journalList({})).toEqual([]);
  });

  it('renders nothing and closes at once when there is nothing to recover', async () => {
    t = await makeTestApp({ 'content/a.md': POST });
    let closed = 0;
    const host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
    act(() => root!.render(<RecoveryDialog api={apiFor(t!)} onRestore={() => {}} onClose={() => closed++} />));
    await settle();
    expect(document.querySelector('dialog')).toBeNull();
    expect(closed).toBe(1);
  });
});

describe('JournalAutosave.writeNow', () => {
  it('lands after a write of an older text still on its way, so the journal keeps the newer one', async () => {
    t = await makeTestApp({ 'content/a.md': POST });
    const app = t;
    const a = await apiFor(app).readPost({ path: 'a.md' });
    // The first journal write is held on its way (as a slow request under load is) until released.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let writes = 0;
    let landed = 0;
    const api = createApi({
      call: async (ch, payload) => {
        if (ch !== 'journalWrite') return app.dispatch(ch, payload);
        if (writes++ === 0) await held;
        const r = await app.dispatch(ch, payload);
        landed++;
        return r;
      },
      subscribe: () => () => {},
      assetUrl: (p) => p,
    });
    const autosave = new JournalAutosave(api, 0);
    autosave.changed('a.md', `${POST}Older.\n`, a.hash);
    await vi.waitFor(() => expect(writes).toBe(1)); // the older text is on its way
    const newer = autosave.writeNow('a.md', `${POST}Older. And the newer words.\n`, a.hash);
    release();
    await newer;
    await vi.waitFor(() => expect(landed).toBe(2)); // both writes are in: the last one is what stays
    const entry = await apiFor(app).journalRead({ path: 'a.md' });
    expect(entry.raw).toBe(`${POST}Older. And the newer words.\n`);
  });
});
