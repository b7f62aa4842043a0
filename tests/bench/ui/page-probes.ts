// What the UI bench measures inside the page, the same way for the app and for the peer page.
// The in-page part is plain JavaScript in a string (installed with addInitScript): functions
// passed to page.evaluate from tsx would carry esbuild's `__name` helper, unknown in the page.
import type { CDPSession, Page } from '@playwright/test';
import { keyCostsFromTrace, type TraceEvent } from './key-costs';

/** One keystroke, measured two ways. */
export interface KeySample {
  /** Keydown's event time to the end of the task after the next painted frame (wall clock). */
  ms: number;
  /**
   * What the key cost the page: its main thread's CPU time from the task that dispatched the
   * keydown to the end of the task that committed the frame painting it (from a Chrome trace,
   * see key-costs.ts). Free of the wait for the display's frame and of time the OS gave other
   * processes, so it holds from run to run on a loaded machine.
   */
  cpuMs: number;
  /** The same CPU time up to the next key: includes work deferred past the frame. */
  cpuUntilNextKeyMs: number;
  /** Longest Event Timing entry (keydown/keypress/beforeinput/input; ≥ 16 ms only) or 0. */
  eventTimingMs: number;
}

export const BODY_SELECTOR = '[role="textbox"][aria-label="Post body"]';

const IN_PAGE = `(() => {
  const bench = { keys: [], et: [], opened: null };
  window.__bench = bench;
  // After the next frame: rAF runs in the rendering step (before style, layout and paint of
  // that frame); a message posted from it runs after that whole task, i.e. after the paint.
  bench.nextPaint = () => new Promise((resolve) => requestAnimationFrame(() => {
    const c = new MessageChannel();
    c.port1.onmessage = () => resolve(performance.now());
    c.port2.postMessage(null);
  }));
  // Per key, keydown to the end of the next painted frame (wall clock, the frame wait
  // included). What the key cost the page in CPU is read from a trace instead (key-costs.ts): an
  // earlier probe here counted gaps in a chain of messages as work, but Chromium runs the
  // rendering update before such messages after input, and the OS descheduling the thread looks
  // the same as work, so that figure equalled the wall-clock one.
  document.addEventListener('keydown', (e) => {
    const start = e.timeStamp;
    bench.nextPaint().then((end) => bench.keys.push({ start, end }));
  }, true);
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.et.push({ name: e.name, start: e.startTime, duration: e.duration });
    }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  } catch {}
  // Polls once a frame until check() is true (page.waitForFunction would need eval, which the
  // app's CSP forbids).
  bench.until = (check) => new Promise((resolve) => {
    const tick = () => (check() ? resolve(true) : requestAnimationFrame(tick));
    tick();
  });
  bench.listReady = () => bench.until(() => {
    const l = document.querySelector('[role="list"][aria-label="Posts"]');
    return !!l && !!l.querySelector('button:not([disabled])');
  });
  bench.keysAtLeast = (n) => bench.until(() => bench.keys.length >= n);
  // Arms a watch: time from the next click to the post body being editable, holding the
  // marker text in its first paragraph, and painted.
  bench.watchOpen = (marker) => {
    let t0 = null;
    const onClick = (e) => { if (t0 === null) t0 = e.timeStamp; };
    document.addEventListener('click', onClick, true);
    bench.opened = new Promise((resolve) => {
      const ready = () => {
        const el = document.querySelector(${JSON.stringify(BODY_SELECTOR)});
        if (!el || el.getAttribute('contenteditable') !== 'true') return false;
        const first = el.querySelector('p');
        return !!first && first.textContent.includes(marker);
      };
      const done = () => {
        observer.disconnect();
        document.removeEventListener('click', onClick, true);
        // t2: the whole post in the editor (a long post reads its rest after showing its start,
        // with the body's element aria-busy meanwhile), painted.
        const whole = () => { const el = document.querySelector(${JSON.stringify(BODY_SELECTOR)}); return !el || !el.closest('[aria-busy="true"]'); };
        bench.nextPaint().then((t1) => {
          const focused = document.activeElement === document.querySelector(${JSON.stringify(BODY_SELECTOR)});
          if (whole()) return resolve({ t0, t1, t2: t1, focused });
          bench.until(whole).then(() => bench.nextPaint()).then((t2) => resolve({ t0, t1, t2, focused }));
        });
      };
      const observer = new MutationObserver(() => { if (t0 !== null && ready()) done(); });
      observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['contenteditable'] });
    });
  };
})();`;

export async function installProbes(page: Page): Promise<void> {
  await page.addInitScript(IN_PAGE);
}

/**
 * Clicks `click` (a locator action) and returns ms from the click event to the body painted and
 * editable (`ms`), and to the whole post in the editor, painted (`wholeMs`).
 */
export async function timeOpen(page: Page, marker: string, click: () => Promise<void>): Promise<{ ms: number; wholeMs: number; focused: boolean }> {
  await page.evaluate(`window.__bench.watchOpen(${JSON.stringify(marker)})`);
  await click();
  const r = (await page.evaluate('window.__bench.opened')) as { t0: number; t1: number; t2: number; focused: boolean };
  return { ms: r.t1 - r.t0, wholeMs: r.t2 - r.t0, focused: r.focused };
}

/** Resolves when the post list shows at least one post button. */
export async function listReady(page: Page): Promise<void> {
  await page.evaluate('window.__bench.listReady()');
}

/** Resolves in the page after the next painted frame (the page is then idle enough to paint). */
export async function nextPaint(page: Page): Promise<void> {
  await page.evaluate('window.__bench.nextPaint()');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Trace categories: top-level tasks with thread times (RunTask), EventDispatch and Commit. */
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline'];

/**
 * Types `count` characters at a fast typist's pace (one key every `gapMs`), pausing after every
 * `burst` keys for each of `pausesMs` in turn: short pauses land just after the app's debounced
 * checks start, long ones after its idle-time work (word count) starts, so slow background work
 * delays the next key, as it would for a writer who stops to think and goes on. The browser
 * records a trace meanwhile (the same categories for every page), from which each key's CPU
 * cost is read.
 */
export async function typeAndMeasure(page: Page, count: number, opts = { gapMs: 50, burst: 10, pausesMs: [160, 1100, 300] }): Promise<KeySample[]> {
  const text = 'tide ferry kelp harbour lantern summit cannery ';
  const browser = page.context().browser();
  if (!browser) throw new Error('typeAndMeasure needs a launched browser to trace');
  await page.evaluate('window.__bench.keys = []; window.__bench.et = []');
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  let trace: Buffer;
  try {
    for (let i = 0; i < count; i++) {
      await page.keyboard.type(text[i % text.length]);
      const burstEnd = (i + 1) % opts.burst === 0;
      await sleep(burstEnd ? opts.pausesMs[((i + 1) / opts.burst - 1) % opts.pausesMs.length] : opts.gapMs);
    }
    await page.evaluate(`window.__bench.keysAtLeast(${count})`);
  } finally {
    trace = await browser.stopTracing();
  }
  const parsed = JSON.parse(trace.toString('utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const costs = keyCostsFromTrace(Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []));
  if (costs.length !== count) throw new Error(`the trace holds ${costs.length} keydowns for ${count} keys typed`);
  const { keys, et } = (await page.evaluate('({ keys: window.__bench.keys, et: window.__bench.et })')) as {
    keys: Array<{ start: number; end: number }>;
    et: Array<{ name: string; start: number; duration: number }>;
  };
  const typing = new Set(['keydown', 'keypress', 'beforeinput', 'input']);
  return keys.slice(0, count).map((k, i) => {
    let eventTimingMs = 0;
    for (const e of et) {
      if (typing.has(e.name) && e.start >= k.start - 1 && e.start < k.start + 16) eventTimingMs = Math.max(eventTimingMs, e.start + e.duration - k.start);
    }
    return { ms: k.end - k.start, cpuMs: costs[i].cpuMs, cpuUntilNextKeyMs: costs[i].cpuUntilNextKeyMs, eventTimingMs };
  });
}

/** JS heap in use after two full garbage collections, in MB. */
export async function heapMb(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 2 ** 20;
}

export function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}
