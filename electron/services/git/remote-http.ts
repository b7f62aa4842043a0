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
        if (res.statusCode < 300 || res.statusCode >= 400 || !location) return res;
        const next = new URL(location, url).href;
        // A request body cannot be sent twice, and more hops than a host needs look like a loop.
        if ((req.method ?? 'GET') !== 'GET' || hop >= MAX_REDIRECTS || !sameAddress(remoteUrl, next)) throw moved(next);
        for await (const chunk of res.body ?? []) void chunk; // let the connection be reused
        url = next;
      }
    },
  };
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'an unknown address';
  }
}
