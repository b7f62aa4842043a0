// The browser tab's session with the web host (see electron/web/web-sessions.ts). The printed
// address ends in "#start=<code>": a one-time code, removed from the address bar at once and
// traded for a session secret kept in this tab's sessionStorage. A reload finds the secret there;
// another tab, or a page of another port of 127.0.0.1, has none (sessionStorage belongs to one
// tab and one origin). No cookie is involved, and the secret never appears in a URL.

const SECRET_KEY = 'postwright.session';

export interface WebSession {
  secret: string;
  /** Opens site images only: goes in their addresses, which cannot carry a header. */
  imageKey: string;
}

export type SessionResult = { ok: true; session: WebSession } | { ok: false; message: string };

function stored(): string | null {
  try {
    return sessionStorage.getItem(SECRET_KEY);
  } catch {
    return null;
  }
}

/** Removes "#start=…" from the address bar (and the entry history keeps) before anything else. */
function takeStartCode(): string | null {
  const m = /^#start=([A-Za-z0-9_-]+)$/.exec(window.location.hash);
  if (!m) return null;
  window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  return m[1];
}

async function ask(body: unknown, secret: string | null): Promise<SessionResult> {
  let res: Response;
  try {
    res = await fetch('/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(secret ? { 'x-postwright-session': secret } : {}) },
      body: JSON.stringify(body),
      cache: 'no-store',
    });
  } catch {
    return { ok: false, message: 'Postwright’s window lost contact with the program. Is it still running?' };
  }
  if (!res.ok) return { ok: false, message: (await res.text().catch(() => '')) || 'Open the address Postwright printed when it started.' };
  const value = (await res.json()) as Partial<WebSession>;
  if (typeof value.secret !== 'string' || typeof value.imageKey !== 'string') return { ok: false, message: 'Postwright answered in a way this page does not understand.' };
  return { ok: true, session: { secret: value.secret, imageKey: value.imageKey } };
}

/** Opens the session: with the start code in the address, else with the secret this tab kept. */
export async function openWebSession(): Promise<SessionResult> {
  // A new start address pasted into this tab changes only the "#…" part, which reloads nothing:
  // load the page again so it trades the new code.
  window.addEventListener('hashchange', () => {
    if (window.location.hash.startsWith('#start=')) window.location.reload();
  });
  const code = takeStartCode();
  const secret = stored();
  let result: SessionResult | null = null;
  if (code) {
    result = await ask({ code }, null);
    // A code already used (say, the address opened again from history) while this tab still has
    // its session: keep working with that.
    if (!result.ok && secret) result = null;
  }
  if (!result) result = secret ? await ask({}, secret) : { ok: false, message: 'This tab has no Postwright session. Open the address Postwright printed when it started.' };
  if (result.ok) {
    try {
      sessionStorage.setItem(SECRET_KEY, result.session.secret);
    } catch {}
  }
  return result;
}
