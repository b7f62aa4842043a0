// Where the writer's git token may go: only to the configured remote's own address (scheme,
// host and port), and only over https. Plain http is allowed for 127.0.0.1/localhost alone
// (a server on this computer; the tests' git server is one), because on any other network a
// token sent in the clear can be read by whoever sits on the way.
// isomorphic-git's node client follows redirects through simple-get, which keeps the token on
// a redirect to the same host name even when the port or the scheme changes (another local
// server, or https → http). So redirects are followed here instead: same address only, GET
// only; any other redirect stops the sync with a plain message and the token stays home.
import nodeHttp from 'isomorphic-git/http/node';
import type { GitHttpRequest, GitHttpResponse, HttpClient } from 'isomorphic-git';
import { PostwrightError } from '../../../shared/ipc/errors';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
const MAX_REDIRECTS = 5;

/** Why Postwright will not sync with `url`, in plain words, or null when it may. */
export function remoteUrlProblem(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return `"${url}" is not a web address. Use the https:// address of your online repository.`;
  }
  if (u.protocol === 'https:') return null;
  if (u.protocol === 'http:') {
    if (LOOPBACK.has(u.hostname.toLowerCase())) return null;
    return (
      `"${url}" starts with http://, which sends your token and your posts unprotected: anyone on the same network could read them. ` +
      'Use the https:// address of your online repository instead.'
    );
  }
  return `"${url}" is not a web address Postwright can sync with. Use the https:// address of your online repository.`;
}

export function assertRemoteUrl(url: string, code: 'invalid-request' | 'git' = 'git'): void {
  const problem = remoteUrlProblem(url);
  if (problem) throw new PostwrightError(code, problem, { problem: 'insecure-remote' });
}

/** True when `url` is on the same scheme, host and port as the configured remote. */
export function sameAddress(remoteUrl: string, url: string): boolean {
  try {
    return new URL(url).origin === new URL(remoteUrl).origin;
  } catch {
    return false;
  }
}

/** isomorphic-git's node http client, held to the configured remote's address. */
export function remoteHttp(remoteUrl: string): HttpClient {
  const moved = (to: string) =>
    new PostwrightError(
      'git',
      `The online copy at ${new URL(remoteUrl).host} sent Postwright on to another address (${safeHost(to)}). Postwright sends your token only to the address set under Sync, so it stopped. If the repository moved, enter its new address under Sync.`,
      { problem: 'redirect' },
    );
  return {
    async request(req: GitHttpRequest): Promise<GitHttpResponse> {
      let url = req.url;
      for (let hop = 0; ; hop++) {
        if (!sameAddress(remoteUrl, url)) throw moved(url);
        const res = await nodeHttp.request({ ...req, url, fetchOptions: { ...req.fetchOptions, followRedirects: false } });
        const location = res.headers?.location;
        if (res.statusCode < 300 || res.statusCode >= 400 || !location) return withHeadAdvertised(url, res);
        const next = new URL(location, url).href;
        // A request body cannot be sent twice, and more hops than a host needs look like a loop.
        if ((req.method ?? 'GET') !== 'GET' || hop >= MAX_REDIRECTS || !sameAddress(remoteUrl, next)) throw moved(next);
        for await (const chunk of res.body ?? []) void chunk; // let the connection be reused
        url = next;
      }
    },
  };
}

/**
 * A remote whose HEAD names a missing (or never created) branch does not list HEAD among its
 * refs. isomorphic-git's fetch then fails after it has already pointed the tracking ref at
 * commits it never downloaded ("Could not find HEAD"), and every later status fails on the
 * dangling ref. Sync always asks for the configured branch by name, so HEAD does not matter
 * to it: when the list lacks HEAD, one is added that names the first listed commit, only for
 * isomorphic-git's "default branch" guess, which sync does not use.
 */
async function withHeadAdvertised(url: string, res: GitHttpResponse): Promise<GitHttpResponse> {
  if (res.statusCode !== 200 || !/\/info\/refs\?service=git-upload-pack$/.test(new URL(url).pathname + new URL(url).search)) return res;
  const chunks: Uint8Array[] = [];
  for await (const chunk of res.body ?? []) chunks.push(chunk);
  const body = Buffer.concat(chunks);
  return { ...res, body: once(addHead(body) ?? body) };
}

/** The advertisement with a HEAD line added, or null when it has one (or no refs, or is not pkt-lines). */
export function addHead(body: Buffer): Buffer | null {
  const lines: Array<Buffer | null> = []; // null = flush packet
  for (let i = 0; i < body.length; ) {
    const len = parseInt(body.toString('latin1', i, i + 4), 16);
    if (!Number.isInteger(len) || (len > 0 && len < 4) || i + Math.max(len, 4) > body.length) return null;
    lines.push(len === 0 ? null : body.subarray(i + 4, i + len));
    i += Math.max(len, 4);
  }
  const first = lines.findIndex((l, i) => l !== null && i > 0 && lines[i - 1] === null);
  if (first < 0) return null;
  const refLine = (l: Buffer | null) => (l ? /^([0-9a-f]{40}) ([^\0\n]+)/.exec(l.toString('latin1')) : null);
  const head = refLine(lines[first]);
  if (!head || head[2] === 'capabilities^{}') return null;
  for (let i = first; i < lines.length && lines[i] !== null; i++) if (refLine(lines[i])?.[2] === 'HEAD') return null;
  const text = lines[first]!.toString('latin1');
  const nul = text.indexOf('\0');
  const caps = nul < 0 ? '\n' : text.slice(nul);
  const rest = nul < 0 ? text : `${text.slice(0, nul)}\n`;
  lines.splice(first, 1, Buffer.from(`${head[1]} HEAD${caps}`, 'latin1'), Buffer.from(rest, 'latin1'));
  return Buffer.concat(lines.map((l) => (l === null ? Buffer.from('0000') : Buffer.concat([Buffer.from((l.length + 4).toString(16).padStart(4, '0')), l]))));
}

async function* once(buf: Buffer): AsyncIterableIterator<Uint8Array> {
  yield buf;
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'an unknown address';
  }
}
