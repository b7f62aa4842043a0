// Asks for a link's text and address (Electron has no window.prompt). The text starts as the
// selected words, so selecting words and pressing Ctrl+K links them; with nothing selected the
// writer types the words the link shows. The second tab links another post of the site: the
// writer finds it by title, and its address is written the way the site's posts already link
// to each other (shared/links/post-address.ts), so no one has to know Hugo's address rules.
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { PostSummary } from '../../shared/ipc/channels/site';
import { postAddress, type LinkForm } from '../../shared/links/post-address';
import { api } from '../api';
import { filterPosts } from './filter-posts';
import { moveFocus } from './roving-focus';
import { Dialog } from '../ui/Dialog';
import './links.css';
import { DialogActions } from '../ui/DialogActions';

interface Props {
  /** The selected text, if any: the link's text unless the writer changes it. */
  initialText?: string;
  /** The address of the link being edited (the link bubble's Edit). */
  initialHref?: string;
  /**
   * A reference-style link (`[text][ref]`) being edited: how many links of the post share its
   * address line. More than one: the writer is told that all of them change.
   */
  sharedBy?: number;
  /** The post being edited (content-relative path), so an address to another post can be written relative to it. */
  postPath?: string | null;
  /** Returns why the link could not be changed (shown in the dialog, which stays open), or nothing. */
  onInsert(href: string, text: string): string | void;
  onCancel(): void;
}

type Tab = 'address' | 'posts';

export function LinkDialog({ initialText = '', initialHref, sharedBy, postPath = null, onInsert: insert, onCancel }: Props) {
  const [text, setText] = useState(initialText);
  const [href, setHref] = useState(initialHref ?? 'https://');
  const [tab, setTab] = useState<Tab>('address');
  const [problem, setProblem] = useState<string | null>(null);
  const onInsert = (h: string, t: string) => setProblem(insert(h, t) || null);
  function submit(e: FormEvent) {
    e.preventDefault();
    const value = href.trim();
    if (value && value !== 'https://') onInsert(value, text.trim() ? text : value);
    else onCancel();
  }
  const tabs: { id: Tab; label: string }[] = [
    { id: 'address', label: 'Web address' },
    { id: 'posts', label: 'Posts of this site' },
  ];
  return (
    <Dialog title="Link" onCancel={onCancel}>
      <div role="tablist" aria-label="Link to" className="link-tabs" onKeyDown={(e) => moveFocus(e, '[role="tab"]', { prev: 'ArrowLeft', next: 'ArrowRight' })}>
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`link-tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`link-panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            className={tab === t.id ? 'link-tab selected' : 'link-tab'}
            onClick={() => setTab(t.id)}
            onFocus={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <form className="modal-form" onSubmit={submit}>
        <label htmlFor="link-text">Text to show</label>
        <input id="link-text" data-autofocus={initialText ? undefined : true} value={text} onChange={(e) => setText(e.target.value)} />
        {tab === 'address' ? (
          <div role="tabpanel" id="link-panel-address" aria-labelledby="link-tab-address" className="modal-form">
            <label htmlFor="link-href">Link address</label>
            <input
              id="link-href"
              data-autofocus={initialText ? true : undefined}
              value={href}
              spellCheck={false}
              aria-describedby={sharedBy && sharedBy > 1 ? 'link-shared' : undefined}
              onChange={(e) => setHref(e.target.value)}
              onFocus={(e) => e.currentTarget.select()}
            />
            {sharedBy !== undefined && sharedBy > 1 && (
              <p id="link-shared" className="link-shared">
                {sharedBy} links in this post share this address. Changing it changes all {sharedBy}.
              </p>
            )}
          </div>
        ) : (
          <PostPicker postPath={postPath} onPick={(address, title) => onInsert(address, text.trim() ? text : title)} />
        )}
        {problem && <p role="alert">{problem}</p>}
        <DialogActions ok={tab === 'address' ? 'Insert link' : undefined} onCancel={onCancel} />
      </form>
    </Dialog>
  );
}

/** The site's posts, searched by title; a click (or Enter) links the post. */
function PostPicker({ postPath, onPick }: { postPath: string | null; onPick(address: string, title: string): void }) {
  const [posts, setPosts] = useState<PostSummary[] | null>(null);
  /**
   * The site's own way of linking posts. Asked once, and awaited when a post is picked: on a big
   * site the answer waits for the search index, and a post picked before it came would otherwise
   * be linked in the wrong form (relative is only for a site with no links yet, or no answer).
   */
  const form = useRef<Promise<LinkForm> | null>(null);
  const alive = useRef(true);
  const [waitingForm, setWaitingForm] = useState(false);
  const [query, setQuery] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    alive.current = true;
    let live = true;
    api.listPosts({}).then(
      (list) => live && setPosts(list.filter((p) => p.path !== postPath)),
      () => live && setProblem('The posts of this site could not be listed. Try again, or type the address in the Web address tab.'),
    );
    form.current = api.postLinkForm({}).then(
      (r) => r.form,
      (): LinkForm => 'relative',
    );
    return () => {
      live = false;
      alive.current = false;
    };
  }, [postPath]);
  const shown = useMemo(() => (posts ? filterPosts(posts, query).slice(0, 50) : []), [posts, query]);
  const pick = async (p: PostSummary) => {
    if (waitingForm) return;
    setWaitingForm(true);
    const f = (await form.current) ?? 'relative';
    if (!alive.current) return;
    setWaitingForm(false);
    onPick(postAddress(f, postPath ?? '', p.path), p.title);
  };
  return (
    <div role="tabpanel" id="link-panel-posts" aria-labelledby="link-tab-posts" className="modal-form link-posts">
      <label htmlFor="link-post-search">Search posts by title</label>
      <input
        id="link-post-search"
        type="search"
        autoFocus
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            if (shown[0]) void pick(shown[0]);
          } else if (e.key === 'ArrowDown') {
            e.preventDefault();
            e.currentTarget.closest('.link-posts')?.querySelector<HTMLElement>('.link-post')?.focus();
          }
        }}
      />
      {problem && <p role="alert">{problem}</p>}
      {posts === null && !problem && <p role="status">Listing the posts…</p>}
      {waitingForm && <p role="status">Preparing the link…</p>}
      {posts && (
        <ul aria-label="Posts of this site" className="link-post-list" onKeyDown={(e) => moveFocus(e, '.link-post', { prev: 'ArrowUp', next: 'ArrowDown' })}>
          {shown.map((p) => (
            <li key={p.path}>
              <button type="button" className="link-post" onClick={() => void pick(p)}>
                {p.title}
                {p.date && <span className="link-post-date"> {p.date.slice(0, 10)}</span>}
              </button>
            </li>
          ))}
          {shown.length === 0 && <li className="link-post-none">No post has these words in its title.</li>}
        </ul>
      )}
    </div>
  );
}
