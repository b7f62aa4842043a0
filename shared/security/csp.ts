// The one content security policy of every page the app serves. The Electron shell sends it
// as a header on app:// (electron/shell/app-origin.ts), the web host sends it as a header
// (electron/web/static-files.ts), and the renderer build writes it into index.html as a meta
// tag (vite.config.ts, with withCspMeta below), so the page is covered even where no header is
// sent. One list, so the copies can no longer drift apart (they did: worker-src was missing from
// two of them). tests/unit/shell/csp.test.ts checks all three deliver it.

/** The directives, in order. Only our own files; nothing from the network. */
export const CSP_DIRECTIVES: readonly (readonly [name: string, ...sources: string[]])[] = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  // React and ProseMirror set style attributes.
  ['style-src', "'self'", "'unsafe-inline'"],
  // Images also come from the open site: the asset: scheme in Electron (ASSET_SCHEME), the same
  // origin's /asset/ route in the web host; pasted and dropped images are data: or blob: URLs.
  ['img-src', "'self'", 'data:', 'blob:', 'asset:'],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['media-src', "'self'"],
  ['object-src', "'none'"],
  // Counts and the outline of long posts run in a worker.
  ['worker-src', "'self'", 'blob:'],
  // The local Hugo preview only.
  ['frame-src', "'self'", 'http://127.0.0.1:*'],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
];

/** Directives a browser ignores (with a console warning) when they come in a meta tag. */
const HEADER_ONLY = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

const join = (ds: typeof CSP_DIRECTIVES) => ds.map((d) => d.join(' ')).join('; ');

/** The policy as a Content-Security-Policy header value. */
export const CSP = join(CSP_DIRECTIVES);

/** The same policy for a `<meta http-equiv>` tag: the header minus what a meta tag cannot carry. */
export const CSP_META = join(CSP_DIRECTIVES.filter(([name]) => !HEADER_ONLY.has(name)));

/**
 * `html` with the policy's meta tag as the first element after `<meta charset>` (or first in
 * `<head>`), before any script or stylesheet it governs. Refuses a page that already has a
 * policy, which would be a second copy to keep in step.
 */
export function withCspMeta(html: string): string {
  if (/http-equiv\s*=\s*["']?content-security-policy/i.test(html)) {
    throw new Error('index.html already has a Content-Security-Policy meta tag: the policy is written by the build, from shared/security/csp.ts.');
  }
  const tag = `<meta http-equiv="Content-Security-Policy" content="${CSP_META.replace(/"/g, '&quot;')}" />`;
  const charset = /<meta\s+charset[^>]*>/i.exec(html);
  if (charset) return `${html.slice(0, charset.index + charset[0].length)}\n    ${tag}${html.slice(charset.index + charset[0].length)}`;
  const head = /<head[^>]*>/i.exec(html);
  if (!head) throw new Error('index.html has no <head> to put the Content-Security-Policy in.');
  return `${html.slice(0, head.index + head[0].length)}\n    ${tag}${html.slice(head.index + head[0].length)}`;
}
