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

function show(posts: PostSummary[], listing: boolean): HTMLElement {
  const host = doc.createElement('div');
  doc.body.append(host);
  root = createRoot(host);
  act(() => root!.render(<Sidebar posts={posts} listing={listing} currentPath={null} onOpen={() => {}} onNewPost={() => {}} />));
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
