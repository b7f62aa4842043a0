// Keeps the recovery journal up to date while the writer types: each post's text is sent
// `delayMs` after its last change (the app passes texts already taken once per pause, so it
// uses 0), one write at a time per post, and forgotten once saved. The app shell calls
// `changed` with each new text, `saved` after a save, and `flush` before closing.
import type { Api } from '../../shared/ipc/client';

interface Pending {
  raw: string;
  baseHash: string;
  timer: ReturnType<typeof setTimeout>;
}

export class JournalAutosave {
  private pending = new Map<string, Pending>();
  private inFlight = new Map<string, Promise<unknown>>();

  constructor(
    private api: Pick<Api, 'journalWrite' | 'journalDiscard'>,
    private delayMs = 1000,
    private onError: (path: string, e: unknown) => void = () => {},
  ) {}

  /** The editor's text of `path` changed; `baseHash` is the hash of the file it was opened from. */
  changed(path: string, raw: string, baseHash: string): void {
    const prev = this.pending.get(path);
    if (prev) clearTimeout(prev.timer);
    const timer = setTimeout(() => void this.write(path), this.delayMs);
    this.pending.set(path, { raw, baseHash, timer });
  }

  /** The post was saved (or its edits thrown away): cancel pending writes and drop its entry. */
  async saved(path: string): Promise<void> {
    const prev = this.pending.get(path);
    if (prev) clearTimeout(prev.timer);
    this.pending.delete(path);
    await this.inFlight.get(path)?.catch(() => {});
    await this.api.journalDiscard({ path }).catch((e: unknown) => this.onError(path, e));
  }

  /** Writes everything pending now (e.g. when the window is about to close). */
  async flush(): Promise<void> {
    await Promise.all([...this.pending.keys()].map((p) => this.write(p)));
  }

  /**
   * Writes `raw` now, after any write of this post still on its way, and says whether it was
   * kept (throws when it was not). For a text that must be in the journal before the app says
   * so (a region that broke): written beside the queue instead, an older text still in flight
   * could land after it and take its place.
   */
  async writeNow(path: string, raw: string, baseHash: string): Promise<void> {
    const prev = this.pending.get(path);
    if (prev) clearTimeout(prev.timer);
    this.pending.delete(path);
    const previous = this.inFlight.get(path) ?? Promise.resolve();
    const next = previous.catch(() => {}).then(() => this.api.journalWrite({ path, raw, baseHash }));
    this.inFlight.set(path, next);
    await next;
  }

  dispose(): void {
    for (const p of this.pending.values()) clearTimeout(p.timer);
    this.pending.clear();
  }

  private async write(path: string): Promise<void> {
    const p = this.pending.get(path);
    if (!p) return;
    clearTimeout(p.timer);
    this.pending.delete(path);
    const previous = this.inFlight.get(path) ?? Promise.resolve();
    const next = previous
      .catch(() => {})
      .then(() => this.api.journalWrite({ path, raw: p.raw, baseHash: p.baseHash }))
      .catch((e: unknown) => this.onError(path, e));
    this.inFlight.set(path, next);
    await next;
  }
}
