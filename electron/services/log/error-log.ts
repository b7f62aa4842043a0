// The app's error log: one file in the app's data folder (never in a site), appended to with a
// timestamped entry per error. The renderer's errors arrive over the logError channel; the web
// host also echoes each entry to its stderr. Control characters are replaced, so a message
// that quotes a post cannot drive the terminal that shows stderr (escape sequences) or fake
// extra entries. At 1 MB the file is kept as postwright.log.1 and a new one starts.
import { appendFile, mkdir, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';

export const LOG_FILE_NAME = 'postwright.log';
const MAX_BYTES = 1_000_000;

export interface ErrorLogEntry {
  where: string;
  message: string;
  stack?: string;
  post?: string;
}

export function errorLogPath(dataDir: string): string {
  return join(dataDir, LOG_FILE_NAME);
}

/** Keeps line breaks and tabs; every other control character becomes U+FFFD. */
function clean(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g, '\uFFFD');
}

/** The entry as written: a header line, then the stack (or message) indented under it. */
export function formatEntry(entry: ErrorLogEntry, now = new Date()): string {
  const post = entry.post ? ` (post ${clean(entry.post)})` : '';
  const head = `${now.toISOString()} error in ${clean(entry.where)}${post}: ${clean(entry.message).split('\n')[0]}`;
  const detail = clean(entry.stack || entry.message)
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => `    ${l}`)
    .join('\n');
  return `${head}\n${detail}\n`;
}

export class ErrorLog {
  private writing: Promise<unknown> = Promise.resolve();
  constructor(
    private dataDir: string,
    /** Also shows each entry somewhere (the web host: its stderr). */
    private echo?: (text: string) => void,
  ) {}

  get path(): string {
    return errorLogPath(this.dataDir);
  }

  /** Appends the entry; entries are written one after another, in the order they came. */
  append(entry: ErrorLogEntry): Promise<void> {
    const text = formatEntry(entry);
    this.echo?.(text);
    const done = this.writing.then(async () => {
      await mkdir(this.dataDir, { recursive: true });
      const size = await stat(this.path).then((s) => s.size, () => 0);
      if (size > MAX_BYTES) await rename(this.path, `${this.path}.1`);
      await appendFile(this.path, text, 'utf8');
    });
    this.writing = done.catch(() => {});
    return done;
  }
}
