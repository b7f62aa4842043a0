// Reads what the app was asked to open from a command line: the first launch's process.argv
// or the argv a second instance forwards. Chromium and Node insert their own switches and the
// dev launcher adds the app folder, so anything that is neither `--site`, `--data` nor a
// Markdown file is ignored rather than guessed at.
import { isAbsolute, resolve } from 'node:path';
import { isMarkdownFile } from '../../shared/post/post-files';

export interface LaunchArgs {
  /** `--site <dir>`: the site to open. */
  site: string | null;
  /** `--data <dir>`: the app's data folder (tests and portable use). */
  data: string | null;
  /** Markdown files to open, each in its own site (absolute paths). */
  files: string[];
}

export function isMarkdownPath(p: string): boolean {
  return isMarkdownFile(p);
}

export function parseLaunchArgs(argv: readonly string[], cwd: string): LaunchArgs {
  const out: LaunchArgs = { site: null, data: null, files: [] };
  const abs = (p: string) => (isAbsolute(p) ? p : resolve(cwd, p));
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    const flag = /^--(site|data)(?:=(.*))?$/.exec(a);
    if (flag) {
      let value = flag[2];
      if (value === undefined && argv[i + 1] !== undefined && !argv[i + 1].startsWith('--')) value = argv[++i];
      if (value) out[flag[1] as 'site' | 'data'] = abs(value);
      continue;
    }
    if (a.startsWith('-')) continue;
    // macOS passes file URLs in some launches; Windows passes plain paths.
    const path = a.startsWith('file://') ? safeFileUrlPath(a) : a;
    if (path && isMarkdownPath(path)) out.files.push(abs(path));
  }
  return out;
}

function safeFileUrlPath(u: string): string | null {
  try {
    const url = new URL(u);
    return decodeURIComponent(url.pathname.replace(/^\/([a-zA-Z]:)/, '$1'));
  } catch {
    return null;
  }
}
