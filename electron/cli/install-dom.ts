// For Node callers only (CLI, tests, bench): a jsdom window installed as the globals that
// ProseMirror and Milkdown expect. Never imported by the window build.
import { JSDOM } from 'jsdom';
import { createHeadlessEngine, type HeadlessEngine } from '../../engine/headless';

const GLOBALS = [
  'window', 'document', 'navigator', 'Node', 'Element', 'HTMLElement', 'Text', 'DocumentFragment',
  'MutationObserver', 'getComputedStyle', 'DOMParser', 'Event', 'KeyboardEvent', 'MouseEvent',
  'ClipboardEvent', 'InputEvent', 'CustomEvent', 'Range', 'Selection', 'requestAnimationFrame',
  'cancelAnimationFrame', 'HTMLImageElement',
] as const;

let installed: Document | null = null;

export function installDom(): Document {
  if (installed) return installed;
  if (typeof globalThis.document !== 'undefined') return (installed = globalThis.document);
  const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
  const g = globalThis as Record<string, unknown>;
  const w = dom.window as unknown as Record<string, unknown>;
  for (const key of GLOBALS) {
    if (g[key] === undefined && w[key] !== undefined) {
      const value = w[key];
      g[key] = typeof value === 'function' && /^[a-z]/.test(key) ? (value as () => unknown).bind(dom.window) : value;
    }
  }
  // Milkdown's timers signal each other with window-level events (addEventListener +
  // dispatchEvent(new CustomEvent)); a Node EventTarget matches Node's own CustomEvent.
  if (typeof g.addEventListener !== 'function') {
    const bus = new EventTarget();
    g.addEventListener = bus.addEventListener.bind(bus);
    g.removeEventListener = bus.removeEventListener.bind(bus);
    g.dispatchEvent = bus.dispatchEvent.bind(bus);
  }
  return (installed = dom.window.document);
}

let shared: Promise<HeadlessEngine> | null = null;

/** One engine per process: created on first use, reused for every file. */
export function headlessEngine(): Promise<HeadlessEngine> {
  // Destroying the shared engine (the CLI does when it is done) lets the next caller get a new one.
  shared ??= createHeadlessEngine(installDom()).then((engine) => ({
    ...engine,
    destroy: async () => {
      shared = null;
      await engine.destroy();
    },
  }));
  return shared;
}
