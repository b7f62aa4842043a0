// What runs while the writer types without pausing: the recovery journal gets the text within
// MAX_WAIT_MS of each edit, but what reads the text on screen (outline, counts, checks, the
// preview) is not re-rendered every MAX_WAIT_MS; it waits for a pause, or SHOW_MAX_WAIT_MS of
// non-stop typing. Those renders landed while keys were in flight and made typing slower than
// the editor alone (issue 22, tests/bench/ui.bench.ts measures it).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { installDom } from '../../../electron/cli/install-dom';
import { MAX_WAIT_MS, useLivePost, type LivePost } from '../../../renderer/app/use-live-post';
import type { PostSession } from '../../../renderer/app/use-post-session';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
const doc = installDom();

interface Seen {
  live: LivePost | null;
  bodyChanged(): void;
  takeNow?(): void;
  /** Every text the component rendered with, in order. */
  renders?: string[];
}

function Probe({ session, onEdited, seen }: { session: PostSession; onEdited(l: LivePost): void; seen: Seen }) {
  const { live, bodyChanged, takeNow } = useLivePost(session, onEdited);
  seen.live = live;
  seen.bodyChanged = bodyChanged;
  seen.takeNow = takeNow;
  if (live) seen.renders?.push(live.body);
  return null;
}

/** A post being edited whose body the editor gives as `body()` says. */
function editingSession(body: () => string): PostSession {
  return {
    post: { path: 'blog/a.md', generation: 1, parts: { head: '---\n', frontMatter: 'title: A\n', close: '---\n', body: body() }, editorBody: undefined },
    frontMatter: 'title: A\n',
    editor: { getBody: body },
  } as unknown as PostSession;
}

let root: Root | null = null;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance'] });
});
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  vi.useRealTimers();
});

describe('typing on without a pause', () => {
  it('the journal takes the text within MAX_WAIT_MS; the text on screen waits for a pause', () => {
    let body = 'Kelp walks.\n';
    const session = editingSession(() => body);
    const journal: { at: number; body: string }[] = [];
    const seen: Seen = { live: null, bodyChanged: () => {} };
    const host = doc.createElement('div');
    act(() => {
      root = createRoot(host);
      root.render(<Probe session={session} onEdited={(l) => journal.push({ at: Date.now(), body: l.body })} seen={seen} />);
    });
    expect(seen.live?.body).toBe('Kelp walks.\n');
    const start = Date.now();
    // 2.5 s of keys every 50 ms.
    for (let t = 0; t < 2_500; t += 50) {
      body = body.replace('.\n', 'a.\n');
      act(() => {
        seen.bodyChanged();
        vi.advanceTimersByTime(50);
      });
    }
    expect(journal.length).toBeGreaterThanOrEqual(3);
    expect(journal[0].at - start).toBeLessThanOrEqual(MAX_WAIT_MS + 50);
    expect(seen.live?.body).toBe('Kelp walks.\n');
    // The writer stops: the text on screen follows one pause later, and the journal has it too.
    act(() => vi.advanceTimersByTime(600));
    expect(seen.live?.body).toBe(body);
    expect(journal.at(-1)?.body).toBe(body);
  });

  it('after the editor went away (a region broke), hands the journal its edited body, not the text as loaded', () => {
    const loaded = 'Kelp walks.\n';
    const edited = 'Kelp walks. The ferry crew brought coffee.\n';
    const session = {
      post: { path: 'blog/a.md', generation: 1, parts: { head: '---\n', frontMatter: 'title: A\n', close: '---\n', body: loaded }, editorBody: undefined },
      frontMatter: 'title: A\n',
      editor: null,
      bodyWhenGone: () => edited,
    } as unknown as PostSession;
    const journal: string[] = [];
    const seen: Seen = { live: null, bodyChanged: () => {} };
    const host = doc.createElement('div');
    act(() => {
      root = createRoot(host);
      root.render(<Probe session={session} onEdited={(l) => journal.push(l.body)} seen={seen} />);
    });
    // A key pressed just before the break left the journal's timer running.
    act(() => {
      seen.bodyChanged();
      vi.advanceTimersByTime(2_000);
    });
    expect(journal).toEqual([edited]);
    expect(seen.live?.body).toBe(edited);
  });

  it('a save takes the text at once, and the pause that follows the last key changes nothing after it', () => {
    // Otherwise "Version saved." (which goes when the text changes) went half a second after a
    // Save version made right after typing: the text caught up with keys typed before the save.
    let body = 'Kelp walks.\n';
    const session = editingSession(() => body);
    const seen: Seen = { live: null, bodyChanged: () => {}, renders: [] };
    const host = doc.createElement('div');
    act(() => {
      root = createRoot(host);
      root.render(<Probe session={session} onEdited={() => {}} seen={seen} />);
    });
    body = 'Kelp walks. Tide pools.\n';
    act(() => seen.bodyChanged());
    act(() => seen.takeNow!());
    expect(seen.live?.body).toBe(body);
    const rendersAtSave = seen.renders!.length;
    act(() => vi.advanceTimersByTime(4_000));
    expect(seen.renders!.slice(rendersAtSave).every((b) => b === body)).toBe(true);
    expect(seen.live?.body).toBe(body);
  });
});
