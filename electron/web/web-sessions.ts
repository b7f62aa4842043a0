// Who may talk to the web host. The address the host prints carries a one-time start code, not
// a secret that lasts: the first page that opens it trades the code for a session secret, which
// the page keeps in its tab's sessionStorage (per origin and per tab, so other ports of
// 127.0.0.1, other tabs and other sites cannot read it) and sends in a header with every call.
// Nothing rides in a cookie (cookies ignore ports: every server on 127.0.0.1 the browser visits
// would receive it) and no secret is put in a URL: the start code in the address bar or the
// browser's history is useless once used or expired.
//
// Images are the one exception to "a header on every request": <img src> cannot send headers,
// and the editor, gallery and preview build image addresses synchronously. Each page load gets
// an image key of its own, which opens only site images (never a call, an event or a page) and
// is dropped when the session has newer ones. A leaked image key gives a site's pictures, which
// the blog publishes anyway, not the power to read posts or change anything. (Fetching every
// image with the header into a blob: URL was the other choice; it would make every image view
// asynchronous and keep a copy of each picture in memory for as long as it is shown.)
import { randomBytes, timingSafeEqual } from 'node:crypto';

/** How long a printed start address works if nobody opens it. */
export const START_CODE_TTL_MS = 15 * 60_000;
/** Image keys kept per session: this page load's and a few earlier ones (other loads of a duplicated tab). */
const IMAGE_KEYS_PER_SESSION = 4;

export interface SessionGrant {
  secret: string;
  imageKey: string;
}

const newSecret = () => randomBytes(32).toString('base64url');

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export class WebSessions {
  private codes = new Map<string, number>(); // code -> expiry (ms since epoch)
  private sessions: Array<{ secret: string; imageKeys: string[] }> = [];

  constructor(private now: () => number = Date.now, private ttlMs = START_CODE_TTL_MS) {}

  /** A fresh start code: it opens one session, once, within the TTL. */
  newStartCode(): string {
    const code = newSecret();
    this.codes.set(code, this.now() + this.ttlMs);
    return code;
  }

  /** Trades a start code for a new session; null when the code is unknown, used or expired. */
  start(code: unknown): SessionGrant | null {
    this.dropExpiredCodes();
    if (typeof code !== 'string' || !code) return null;
    let found: string | null = null;
    for (const c of this.codes.keys()) if (sameText(c, code)) found = c;
    if (!found) return null;
    this.codes.delete(found); // single use, whatever happens next
    const session = { secret: newSecret(), imageKeys: [] as string[] };
    this.sessions.push(session);
    return { secret: session.secret, imageKey: this.addImageKey(session) };
  }

  /** A page reload: the tab still holds its secret and gets a new image key. */
  resume(secret: string | undefined): SessionGrant | null {
    const session = this.find(secret);
    return session ? { secret: session.secret, imageKey: this.addImageKey(session) } : null;
  }

  isSecret(secret: string | undefined): boolean {
    return this.find(secret) !== null;
  }

  isImageKey(key: string): boolean {
    if (!key) return false;
    return this.sessions.some((s) => s.imageKeys.some((k) => sameText(k, key)));
  }

  private find(secret: string | undefined) {
    if (!secret) return null;
    return this.sessions.find((s) => sameText(s.secret, secret)) ?? null;
  }

  private addImageKey(session: { imageKeys: string[] }): string {
    const key = newSecret();
    session.imageKeys.push(key);
    if (session.imageKeys.length > IMAGE_KEYS_PER_SESSION) session.imageKeys.shift();
    return key;
  }

  private dropExpiredCodes(): void {
    const t = this.now();
    for (const [c, expiry] of this.codes) if (expiry <= t) this.codes.delete(c);
  }
}
