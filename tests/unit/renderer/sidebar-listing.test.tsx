// @vitest-environment jsdom
// While the post list is being read (a large site takes seconds), the sidebar says so and marks
// the list busy, instead of telling the writer "This site has no posts yet".
import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { Sidebar } from '../../../renderer/app/Sidebar';
import type { PostSummary } from '../../../shared/ipc/channels/site';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
const doc = document;

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  doc.body.replaceChildren();
});

function show(posts: PostSummary[], listing: boolean, trouble?: { message: string; onCheck(): void }): HTMLElement {
  const host = doc.createElement('div');
  doc.body.append(host);
  root = createRoot(host);
  act(() =>
    root!.render(
      <Sidebar posts={posts} listing={listing} currentPath={null} onOpen={() => {}} onNewPost={() => {}} watchTrouble={trouble?.message ?? null} onCheckChanges={trouble?.onCheck} />,
    ),
  );
  return host;
}

describe('Sidebar while the list is read', () => {
  it('says the posts are being read, with the list busy, and not that the site has none', () => {
    const host = show([], true);
    expect(host.querySelector('[role="status"]')?.textContent).toBe('Reading the posts…');
    expect(host.textContent).not.toContain('This site has no posts yet.');
    expect(host.querySelector('[role="list"][aria-label="Posts"]')!.getAttribute('aria-busy')).toBe('true');
  });

  it('says the site has no posts once the list is read and empty', () => {
    const host = show([], false);
    expect(host.textContent).toContain('This site has no posts yet.');
    expect(host.querySelector('[role="list"][aria-label="Posts"]')!.hasAttribute('aria-busy')).toBe(false);
  });
});

describe('Sidebar when the site cannot all be watched', () => {
  it('says so in words, with a button that looks for changes', () => {
    let checks = 0;
    const host = show([], false, { message: 'Posts changed by other programs may not show here on their own.', onCheck: () => checks++ });
    const note = host.querySelector('[role="note"][aria-label="Changes by other programs"]')!;
    expect(note.textContent).toContain('may not show here on their own.');
    const button = [...note.querySelectorAll('button')].find((b) => b.textContent === 'Check for changes')!;
    act(() => button.click());
    expect(checks).toBe(1);
  });

  it('says nothing when every folder is watched', () => {
    const host = show([], false);
    expect(host.querySelector('[role="note"]')).toBeNull();
  });
});
