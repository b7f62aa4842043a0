// The calls of the app's windows that can still be cancelled (Electron transport). An
// AbortSignal cannot cross the context bridge, so the renderer names each cancellable call with
// an id and sends a cancel for it; main keeps one AbortController per open call. Plain Node (no
// electron import), so it is tested without the Electron binary.

/**
 * The window's calls that can be cancelled, by sender and the id the renderer chose. Ids are
 * the renderer's, so each window's are kept apart and only short strings are accepted.
 */
export class CallCancels {
  private readonly open = new Map<string, AbortController>();

  private key(sender: number, callId: unknown): string | null {
    return typeof callId === 'string' && callId.length > 0 && callId.length <= 64 ? `${sender}:${callId}` : null;
  }

  start(sender: number, callId: unknown): AbortController | null {
    const key = this.key(sender, callId);
    if (!key) return null;
    const c = new AbortController();
    this.open.set(key, c);
    return c;
  }

  end(sender: number, callId: unknown, call: AbortController | null): void {
    const key = this.key(sender, callId);
    if (key && call && this.open.get(key) === call) this.open.delete(key);
  }

  cancel(sender: number, callId: unknown): void {
    const key = this.key(sender, callId);
    if (key) this.open.get(key)?.abort();
  }
}
