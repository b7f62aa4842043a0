// Search every post of the site as you type, with the matching words highlighted and filters
// by section, tag, draft and date. The index lives in main; each keystroke asks it (answers
// arriving out of order are dropped).
import { useEffect, useId, useRef, useState } from 'react';
import type { Api } from '../../shared/ipc/client';
import type { SearchRequest, SearchResponse } from '../../shared/ipc/channels/search';
import { Highlighted } from './Highlighted';

interface Props {
  api: Api;
  /** Opens a post; `terms` are the words that matched, to highlight in the editor. */
  onOpen(path: string, terms: string[]): void;
  /** Milliseconds to wait after a keystroke before asking (default 80). */
  debounceMs?: number;
  /** Put the caret in the search box when the panel appears (the Search button asked for it). */
  autoFocus?: boolean;
  /** After this many milliseconds without an answer, say that search is still getting ready. */
  slowMs?: number;
}

/**
 * A search answers in milliseconds once the site's posts are indexed; a wait longer than this
 * is the index being built (the first launch on a large site reads every post): say so.
 */
const SLOW_MS = 700;
const GETTING_READY = 'Getting search ready… The first search after opening a large site reads every post; this takes a moment.';

type DraftFilter = 'all' | 'drafts' | 'published';

export function SearchPanel({ api, onOpen, debounceMs = 80, autoFocus = false, slowMs = SLOW_MS }: Props) {
  const [query, setQuery] = useState('');
  const [section, setSection] = useState('');
  const [tag, setTag] = useState('');
  const [draft, setDraft] = useState<DraftFilter>('all');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [result, setResult] = useState<SearchResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [slow, setSlow] = useState(false);
  const seq = useRef(0);
  const id = useId();

  useEffect(() => {
    const mine = ++seq.current;
    const req: SearchRequest = {
      query,
      ...(section ? { section } : {}),
      ...(tag ? { tag } : {}),
      ...(draft !== 'all' ? { draft: draft === 'drafts' } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
    };
    // A newer query (or closing search) cancels this one in main: an unbuilt index is not
    // waited for, and no query runs for words the writer already typed past.
    const cancel = new AbortController();
    let slowTimer: ReturnType<typeof setTimeout> | undefined;
    const timer = setTimeout(() => {
      slowTimer = setTimeout(() => mine === seq.current && setSlow(true), slowMs);
      const answered = () => {
        clearTimeout(slowTimer);
        setSlow(false);
      };
      api.searchPosts(req, { signal: cancel.signal }).then(
        (r) => {
          if (mine === seq.current) {
            answered();
            setResult(r);
            setError(null);
          }
        },
        (e: Error) => {
          if (mine === seq.current) {
            answered();
            setError(e.message);
          }
        },
      );
    }, debounceMs);
    return () => {
      clearTimeout(timer);
      clearTimeout(slowTimer);
      cancel.abort();
    };
  }, [api, query, section, tag, draft, from, to, debounceMs, slowMs]);

  const hits = result?.hits ?? [];
  return (
    <section className="pw-writing-aid pw-search" aria-label="Search posts">
      <input type="search" aria-label="Search all posts" autoFocus={autoFocus} placeholder="Search all posts" value={query} onChange={(e) => setQuery(e.target.value)} />
      <fieldset className="pw-search-filters">
        <legend className="pw-visually-hidden">Filters</legend>
        <label>
          Section
          <select value={section} onChange={(e) => setSection(e.target.value)}>
            <option value="">All sections</option>
            {result?.sections.map((s) => (
              <option key={s} value={s}>
                {s || '(top level)'}
              </option>
            ))}
          </select>
        </label>
        <label>
          Tag
          <select value={tag} onChange={(e) => setTag(e.target.value)}>
            <option value="">All tags</option>
            {result?.tags.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label>
          Status
          <select value={draft} onChange={(e) => setDraft(e.target.value as DraftFilter)}>
            <option value="all">Drafts and published</option>
            <option value="drafts">Drafts only</option>
            <option value="published">Published only</option>
          </select>
        </label>
        <label>
          From
          <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          To
          <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
      </fieldset>
      <p id={`${id}-count`} className="pw-muted" role="status" aria-live="polite">
        {error ?? (slow ? GETTING_READY : result ? countText(result, query) : 'Searching…')}
      </p>
      <ul className="pw-search-results" aria-label="Search results" aria-describedby={`${id}-count`}>
        {hits.map((h) => (
          <li key={h.path}>
            <button type="button" onClick={() => onOpen(h.path, h.terms)} aria-label={`Open ${h.title}`}>
              <span className="pw-search-title">
                <Highlighted text={h.title} ranges={h.titleRanges} />
                {h.draft && <span className="pw-badge">draft</span>}
              </span>
              <span className="pw-search-path">
                {h.path}
                {h.date ? ` · ${h.date.slice(0, 10)}` : ''}
              </span>
              {h.snippet.text && (
                <span className="pw-search-snippet">
                  <Highlighted text={h.snippet.text} ranges={h.snippet.ranges} />
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function countText(r: SearchResponse, query: string): string {
  if (!r.total) return query.trim() ? 'No posts match.' : 'No posts.';
  const shown = r.hits.length < r.total ? ` (showing ${r.hits.length})` : '';
  return `${r.total} post${r.total === 1 ? '' : 's'}${shown}`;
}
