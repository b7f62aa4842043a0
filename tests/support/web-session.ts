// Opens a session on a web host started in this process the way the page does: takes a start
// code from a fresh start address and trades it at /api/session for the secret and image key.
import type { WebHost } from '../../electron/web/web-host';

export interface TestSession {
  secret: string;
  imageKey: string;
}

export function startCodeOf(url: string): string {
  const m = /#start=([A-Za-z0-9_-]+)$/.exec(url);
  if (!m) throw new Error(`no start code in ${url}`);
  return m[1];
}

export async function openSession(host: Pick<WebHost, 'port' | 'newStartUrl'>): Promise<TestSession> {
  const res = await fetch(`http://127.0.0.1:${host.port}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: startCodeOf(host.newStartUrl()) }),
  });
  if (res.status !== 200) throw new Error(`session refused: ${res.status} ${await res.text()}`);
  return (await res.json()) as TestSession;
}
