// The recovery journal's cost per keystroke, and its promise: a typing session (keys 40 ms
// apart, no pause) on a 12 KB post drives the renderer's own pieces (PauseTimer, as
// use-live-post pokes it on every key; JournalAutosave, as use-recovery feeds it) against the
// real journal handler (JSON, atomic write, fsync) in a temp data folder.
//   journal_key_path_us        what one keystroke pays on the renderer's keystroke path (a poke)
//   journal_write_ms           one journal write, as the main process does it (off the key path)
//   journal_cost_per_key_ms    all journal writes of the session divided by its keystrokes
//   journal_word_age_max_ms    the oldest a typed character got before it was on disk (≤ 1 s)
// Not included: the editor writing its body out when the text is taken (once per pause or per
// 0.6 s of typing, shared with the outline, counts and checks; see ui.bench.ts for keystrokes).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchContext, BenchMetric } from './types';
import { summarize } from './types';
import { makeTempSite } from '../support/temp-site';
import { AppServices } from '../../electron/services/app-services';
import { createHandlerTable } from '../../electron/handlers';
import { createWebHostContext } from '../../electron/web/web-host-context';
import { PauseTimer } from '../../renderer/app/pause-timer';
import { MAX_WAIT_MS } from '../../renderer/app/use-live-post';
import { JournalAutosave } from '../../renderer/recovery/journal-autosave';

const KEY_INTERVAL_MS = 40;
const PAUSE_MS = 500;

export async function run(ctx: BenchContext): Promise<BenchMetric[]> {
  const keys = ctx.quick ? 75 : 200;
  const paragraph = 'The ferry crew brought coffee at dawn, and the volunteers stayed until the last table was folded. ';
  const post = `---\ntitle: "Journal bench"\ndate: 2025-01-02\n---\n\n${paragraph.repeat(Math.ceil(12_000 / paragraph.length))}\n`;
  const site = makeTempSite({ 'content/blog/bench/index.md': post });
  const dataDir = mkdtempSync(join(tmpdir(), 'postwright-bench-journal-'));
  const app = new AppServices(createWebHostContext(dataDir));
  try {
    await app.openSite(site.root);
    const table = createHandlerTable(app);
    const read = await table.readPost({ path: 'blog/bench/index.md' });
    const writes: number[] = [];
    /** Keystroke count held by each finished write, and when it finished. */
    let typed = 0;
    const keyAt: number[] = [];
    const ages: number[] = [];
    let onDisk = 0;
    const autosave = new JournalAutosave({
      journalWrite: async (req) => {
        const holds = Number(/\u2063(\d+)$/.exec(req.raw)?.[1] ?? 0);
        const t0 = performance.now();
        const r = await table.journalWrite(req);
        const done = performance.now();
        writes.push(done - t0);
        for (let k = onDisk; k < holds; k++) ages.push(done - keyAt[k]);
        onDisk = Math.max(onDisk, holds);
        return r;
      },
      journalDiscard: (req) => table.journalDiscard(req),
    }, 0);
    // The text taken carries how many keys it holds (an invisible separator and the count).
    const take = () => autosave.changed('blog/bench/index.md', `${read.raw}${'x'.repeat(typed)}\u2063${typed}`, read.hash);
    const timer = new PauseTimer(take, PAUSE_MS, MAX_WAIT_MS);
    const keyPath: number[] = [];
    for (let i = 0; i < keys; i++) {
      await new Promise((r) => setTimeout(r, KEY_INTERVAL_MS));
      keyAt.push(performance.now());
      typed++;
      const t0 = performance.now();
      timer.poke();
      keyPath.push((performance.now() - t0) * 1000);
    }
    // The writer stops: wait for the last text to be on disk.
    const deadline = performance.now() + 10_000;
    while (onDisk < keys && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await autosave.flush();
    if (onDisk < keys) throw new Error(`the journal never held the last ${keys - onDisk} keystroke(s)`);
    const total = writes.reduce((a, b) => a + b, 0);
    ctx.log(`journal: ${keys} keys, ${writes.length} writes`);
    return [
      { name: 'journal_key_path_us', ...summarize(keyPath), budget: 100, unit: 'µs', note: 'a PauseTimer poke per key' },
      { name: 'journal_write_ms', ...summarize(writes), unit: 'ms', note: `12 KB post, ${writes.length} writes for ${keys} keys` },
      { name: 'journal_cost_per_key_ms', value: total / keys, unit: 'ms', note: 'wall time of all writes / keys, off the key path' },
      { name: 'journal_word_age_max_ms', ...summarize(ages), value: Math.max(...ages), budget: 1000, unit: 'ms', note: 'the worst key of the session; min–max over all keys' },
    ];
  } finally {
    await app.closeSite();
    site.remove();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
