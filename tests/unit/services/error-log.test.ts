// The app's error log: the renderer's logError call lands in a file in the data folder (never
// in the site), the web host echoes it to its stderr, control characters from a message (which
// may quote a post) cannot drive a terminal, and a big log starts a new file.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ErrorLog, errorLogPath, formatEntry } from '../../../electron/services/log/error-log';
import { AppServices } from '../../../electron/services/app-services';
import { createHandlerTable } from '../../../electron/handlers';
import { createWebHostContext } from '../../../electron/web/web-host-context';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'pw-log-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  vi.restoreAllMocks();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('error log', () => {
  it('appends entries in order, with where, the post and the stack', async () => {
    const data = tempDir();
    const log = new ErrorLog(data);
    await Promise.all([
      log.append({ where: 'the editor', message: 'first', stack: 'Error: first\n    at a (x.js:1:1)', post: 'blog/a/index.md' }),
      log.append({ where: 'the post list', message: 'second' }),
    ]);
    const text = readFileSync(errorLogPath(data), 'utf8');
    expect(text).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z error in the editor \(post blog\/a\/index\.md\): first\n {4}Error: first\n {8}at a \(x\.js:1:1\)\n/);
    expect(text.indexOf('first')).toBeLessThan(text.indexOf('second'));
    expect(text).toContain('error in the post list: second\n    second\n');
  });

  it('turns control characters into a visible mark (no terminal escapes, no fake entries)', () => {
    const text = formatEntry({ where: 'the editor', message: 'bad \u001b[31mred\u001b[0m\rtext\u0007', stack: 'x\u2028y' }, new Date(0));
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028]/);
    expect(text).toContain('bad \uFFFD[31mred\uFFFD[0m');
  });

  it('starts a new file past 1 MB, keeping the old one beside it', async () => {
    const data = tempDir();
    writeFileSync(errorLogPath(data), 'x'.repeat(1_000_001));
    await new ErrorLog(data).append({ where: 'the form', message: 'after' });
    expect(readFileSync(errorLogPath(data), 'utf8')).toContain('error in the form: after');
    expect(existsSync(`${errorLogPath(data)}.1`)).toBe(true);
  });

  it('is written by the logError channel into the data folder, and the web host echoes it to stderr', async () => {
    const data = tempDir();
    const echoed: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      echoed.push(String(chunk));
      return true;
    });
    const handlers = createHandlerTable(new AppServices(createWebHostContext(data)));
    expect(await handlers.logError({ where: 'the editor', message: 'Cannot draw' })).toEqual({ logged: true });
    expect(readFileSync(join(data, 'postwright.log'), 'utf8')).toContain('error in the editor: Cannot draw');
    expect(echoed.join('')).toContain('error in the editor: Cannot draw');
  });
});
