// Scratch: CPU profile of opening the 1 MB post and of typing in it (app or peer).
import { chromium } from '@playwright/test';
import { cpSync, mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeBenchPosts, FIRST_MARKER, MIDDLE_MARKER } from '../generate-posts';
import { installProbes, timeOpen, typeAndMeasure, percentile, BODY_SELECTOR } from '../page-probes';
import { startHost } from '../web-host';
import { buildPeer } from '../build';
import { serveStatic } from '../static-server';

const which = process.argv[2] ?? 'app';
const size = process.argv[3] ?? '1mb';
const keys = Number(process.argv[4] ?? 40);
const dist = process.argv[5] ?? '/work/main/dist/renderer';
const repo = '/work/main';
const tmp = mkdtempSync(join(tmpdir(), 'pw-prof-'));
const site = join(tmp, 'site');
cpSync(join(repo, 'content'), site, { recursive: true });
const posts = writeBenchPosts(join(site, 'content'));
const post = size === '1mb' ? posts.large : posts.small;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--enable-precise-memory-info'] });
const page = await browser.newPage();
page.on('console', (m) => { if (m.type() === 'error' && !m.text().includes('404')) console.log('console:', m.text()); });
await installProbes(page);
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
let stop: () => Promise<void> = async () => {};
if (which === 'app') {
  const host = await startHost(repo, site, join(tmp, 'data'), dist);
  stop = host.stop;
  await page.goto(host.url);
  await page.getByRole('list', { name: 'Posts' }).getByRole('button').first().waitFor();
} else {
  const peerDir = join(tmp, 'peer');
  await buildPeer(process.env.PEERDIR ?? join(repo, 'tests/bench/ui/peer'), peerDir);
  writeFileSync(join(peerDir, 'p.md'), post.body);
  const srv = await serveStatic(peerDir);
  stop = srv.close;
  await page.goto(srv.url + (process.env.PEERQ ?? ''));
  await page.waitForFunction('!!window.peer');
}
if (process.env.CV) await page.addStyleTag({ content: process.env.CV });
await cdp.send('Profiler.start');
let openMs: number;
if (which === 'app') {
  openMs = (await timeOpen(page, FIRST_MARKER, () => page.getByRole('list', { name: 'Posts' }).getByRole('button', { name: new RegExp('^' + post.title) }).click())).ms;
} else {
  openMs = (await page.evaluate('window.peer.open("p.md")')) as number;
}
const openProf = (await cdp.send('Profiler.stop')).profile;
console.log('open ms', openMs.toFixed(1));
report(openProf, 'OPEN');
await page.locator(BODY_SELECTOR).locator('p', { hasText: MIDDLE_MARKER }).click();
await page.keyboard.press('End');
const events: Array<{ name: string; ph: string; dur?: number; tid: number; pid: number; args?: { data?: Record<string, unknown> } }> = [];
cdp.on('Tracing.dataCollected', (e: { value: typeof events }) => { events.push(...e.value); });
const traced = process.env.TRACE === '1';
if (traced) await cdp.send('Tracing.start', { categories: 'devtools.timeline,blink,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
else await cdp.send('Profiler.start');
const s = await typeAndMeasure(page, keys);
let typeProf: Prof = { nodes: [], samples: [], timeDeltas: [] };
if (traced) {
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.end');
  await done;
  const main = events.find((e) => e.name === 'thread_name' && (e.args as any)?.name === 'CrRendererMain');
  const by = new Map<string, number>();
  for (const e of events) if (e.ph === 'X' && e.dur && (!main || (e.tid === main.tid && e.pid === main.pid))) by.set(e.name, (by.get(e.name) ?? 0) + e.dur / 1000);
  console.log([...by].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([k, v]) => `${v.toFixed(0).padStart(7)} ms ${k}`).join('\n'));
} else typeProf = (await cdp.send('Profiler.stop')).profile;
console.log('keys p50', percentile(s.map((x) => x.ms), 50).toFixed(1), 'p95', percentile(s.map((x) => x.ms), 95).toFixed(1), 'all', s.map((x) => Math.round(x.ms)).join(' '));
if (!traced) report(typeProf, 'TYPE');
writeFileSync(join('/tmp', `prof-${which}-${size}.cpuprofile`), JSON.stringify(typeProf));
await browser.close();
await stop();

type Prof = { nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }>; samples: number[]; timeDeltas: number[] };
function report(p: Prof, label: string) {
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const key = (n: Prof['nodes'][0]) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`;
  const selfBy = new Map<string, number>();
  const totalBy = new Map<string, number>();
  for (const [id, t] of self) {
    const n = byId.get(id)!;
    selfBy.set(key(n), (selfBy.get(key(n)) ?? 0) + t);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const k = key(byId.get(cur)!);
      if (seen.has(k)) continue;
      seen.add(k);
      totalBy.set(k, (totalBy.get(k) ?? 0) + t);
    }
  }
  const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${(v / 1000).toFixed(0).padStart(7)} ms  ${k}`).join('\n');
  console.log(`--- ${label} self`);
  console.log(top(selfBy, 25));
  console.log(`--- ${label} total`);
  console.log(top(totalBy, 45));
}
