// Where Hugo publishes each post: `hugo list all` prints one CSV row per page (drafts, future
// and expired included) with its source path and permalink.
import { execFile } from 'node:child_process';

/** Splits CSV text into rows, honouring quoted fields (titles may hold commas and quotes). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Map from source path (relative to the site root, POSIX) to the permalink's path part. */
export async function listPermalinks(hugo: string, root: string, env: NodeJS.ProcessEnv): Promise<Map<string, string>> {
  const out = await new Promise<string>((resolve, reject) => {
    execFile(hugo, ['list', 'all', '--source', root], { env, maxBuffer: 64 * 1024 * 1024, timeout: 120_000 }, (err, stdout) =>
      err ? reject(err) : resolve(stdout),
    );
  });
  const rows = parseCsv(out);
  const head = rows[0] ?? [];
  const pathCol = head.indexOf('path');
  const linkCol = head.indexOf('permalink');
  const map = new Map<string, string>();
  if (pathCol === -1 || linkCol === -1) return map;
  for (const r of rows.slice(1)) {
    const p = r[pathCol];
    const link = r[linkCol];
    if (!p || !link) continue;
    map.set(p.replace(/\\/g, '/'), new URL(link, 'http://127.0.0.1/').pathname);
  }
  return map;
}
