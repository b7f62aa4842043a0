// The release workflow's --smoke-test (electron/shell/smoke-test.ts) against a stand-in window:
// it quits with 0 only once the page lists posts, and with 1, saying why, when the page fails.
import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';

const exits: number[] = [];
vi.mock('electron', () => ({ app: { exit: (code: number) => exits.push(code) } }));
const { runSmokeTest } = await import('../../../electron/shell/smoke-test');

/** A window whose page answers the post count with the values given, one per question. */
function fakeWindow(counts: number[]) {
  const contents = Object.assign(new EventEmitter(), {
    asked: 0,
    isDestroyed: () => false,
    executeJavaScript: async (code: string) => {
      expect(code).toContain('[aria-label="Posts"]');
      contents.asked++;
      return counts.shift() ?? 0;
    },
  });
  return { webContents: contents };
}

afterEach(() => {
  exits.length = 0;
  vi.restoreAllMocks();
});

describe('--smoke-test', () => {
  it('quits with 0 once the window lists posts, not before', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const w = fakeWindow([0, 0, 12]);
    runSmokeTest(w as never);
    expect(exits).toEqual([]);
    w.webContents.emit('did-finish-load');
    await vi.waitFor(() => expect(exits).toEqual([0]), { timeout: 5_000, interval: 20 });
    expect(w.webContents.asked).toBe(3);
    expect(log).toHaveBeenCalledWith('[smoke-test] ok: the window lists 12 posts');
  });

  it('quits with 1 and the reason when the page fails to load or its process ends', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const w = fakeWindow([]);
    runSmokeTest(w as never);
    w.webContents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', 'app://postwright/index.html');
    w.webContents.emit('render-process-gone', {}, { reason: 'crashed' });
    expect(exits).toEqual([1]);
    expect(error).toHaveBeenCalledWith('[smoke-test] failed: app://postwright/index.html did not load: ERR_FILE_NOT_FOUND (-6)');
  });
});
