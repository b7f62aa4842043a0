// @vitest-environment jsdom
// The versions UI against a real git service: the typed Api is served by the git handlers in
// process (no mocks of git), and elements are found by role and accessible name.
import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { createElement } from 'react';
import { createApi, type Api } from '../../../shared/ipc/client';
import { gitChannels } from '../../../shared/ipc/channels/git';
import type { Envelope } from '../../../shared/ipc/errors';
import { IsoGitService } from '../../../electron/services/git/git-service';
import { VersionsPanel } from '../../../renderer/history';
import { makeSite, makeHost, post, type TestSite } from './support';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let site: TestSite | null = null;
let root: Root | null = null;
/** Calls the panels started and that have not answered yet: the test waits for them before it
 * tears the window down, or a late answer would set state in a window that is gone. */
const inflight = new Set<Promise<unknown>>();
afterEach(async () => {
  while (inflight.size) await act(async () => void (await Promise.allSettled([...inflight])));
  act(() => root?.unmount());
  site?.remove();
  document.body.innerHTML = '';
});

/** An Api whose git calls go to a real IsoGitService; other channels are not used here. */
function apiFor(svc: IsoGitService): Api {
  const table: Record<string, (req: never) => Promise<unknown>> = {
    gitStatus: (r: { paths?: string[] }) => svc.status(r.paths),
    suggestVersionMessage: async (r: { path: string }) => ({ message: await svc.suggestMessage(r.path) }),
    saveVersion: (r: { path: string; message?: string }) => svc.saveVersion(r.path, r.message),
    postHistory: (r: { path: string }) => svc.history(r.path),
    versionDiff: (r: { path: string; version: string }) => svc.diff(r.path, r.version),
    restoreVersion: (r: { path: string; version: string }) => svc.restore(r.path, r.version),
  };
  return createApi({
    call(channel, payload) {
      const p = answer(channel, payload);
      inflight.add(p);
      void p.finally(() => inflight.delete(p));
      return p;
    },
    subscribe: () => () => {},
    assetUrl: (p) => p,
  });
  async function answer(channel: string, payload: unknown): Promise<Envelope<unknown>> {
    const fn = table[channel];
    if (!fn) return { ok: false, error: { code: 'unknown-channel', message: channel } };
    try {
      const req = (gitChannels as Record<string, { request: { parse(x: unknown): unknown } }>)[channel].request.parse(payload);
      return { ok: true, value: await fn(req as never) };
    } catch (e) {
      return { ok: false, error: { code: 'git', message: (e as Error).message } };
    }
  }
}

const byRole = (role: string, name: string) =>
  [...document.querySelectorAll(role === 'button' ? 'button' : role === 'list' ? 'ul' : '*')].find(
    (el) => (el.getAttribute('aria-label') ?? el.textContent ?? '').trim() === name,
  ) as HTMLElement | undefined;

async function until<T>(fn: () => T | undefined, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out waiting for the UI');
    await act(async () => new Promise((r) => setTimeout(r, 25)));
  }
}

describe('versions UI', () => {
  it('saves a version, lists it in History, shows the diff and restores', async () => {
    site = makeSite({ 'content/blog/harbor/index.md': post('Harbor Talk', 'Harbor at dawn.') });
    const svc = new IsoGitService({ root: site.root, contentDir: site.content }, makeHost());
    site.write('content/blog/harbor/index.md', post('Harbor Talk', 'Lighthouse at dusk.'));
    const host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
    await act(async () => root!.render(createElement(VersionsPanel, { api: apiFor(svc), postPath: 'blog/harbor/index.md' })));

    const input = await until(() => (document.querySelector('input[type="text"]') as HTMLInputElement | null)?.value === 'Update Harbor Talk' ? document.querySelector('input') : undefined);
    expect(input).toBeTruthy();
    await act(async () => byRole('button', 'Save version')!.click());
    await until(() => (document.body.textContent?.includes('Version saved.') ? true : undefined));
    expect(site.git('log', '-1', '--format=%s').trim()).toBe('Update Harbor Talk');

    await act(async () => byRole('button', 'History')!.click());
    const list = await until(() => byRole('list', 'Versions'));
    const items = list.querySelectorAll('li');
    expect(items.length).toBe(2);
    await act(async () => (items[1].querySelector('button') as HTMLButtonElement).click());
    await until(() => document.querySelector('del'));
    expect(document.querySelector('del')!.textContent).toContain('Harbor');
    expect(document.querySelector('ins')!.textContent).toContain('Lighthouse');
    await act(async () => byRole('button', 'Restore this version')!.click());
    await until(() => (document.body.textContent?.includes('Restored.') ? true : undefined));
    // The panel reloads its list after a restore: wait for that too, or it would set state after
    // the test's window is gone.
    await until(() => document.querySelector('section[aria-label="History of this post"][aria-busy="false"]'));
    expect(site.read('content/blog/harbor/index.md')).toContain('Harbor at dawn.');
    expect(byRole('button', 'Sync')).toBeTruthy();
  });
});
