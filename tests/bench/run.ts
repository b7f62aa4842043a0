// `npm run bench`: runs every tests/bench/*.bench.ts module, prints one table with budgets and
// peer ratios, writes bench-results.json, and exits non-zero naming any metric over budget.
import { readdirSync, mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir, cpus, totalmem, platform, arch, release } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchContext, BenchMetric } from './types';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..', '..');
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const quick = process.argv.includes('--quick');

async function main(): Promise<number> {
  const tmp = mkdtempSync(join(tmpdir(), 'postwright-bench-'));
  const corpus = resolve(repoRoot, '..', 'shared', 'corpus');
  const ctx: BenchContext = {
    tmpDir: tmp,
    repoRoot,
    corpusDir: process.env.POSTWRIGHT_CORPUS ?? (existsSync(corpus) ? corpus : null),
    quick,
    log: (m) => process.stderr.write(`  ${m}\n`),
  };
  const modules = readdirSync(here)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => !only.length || only.some((o) => f.startsWith(o)))
    .sort();
  const metrics: BenchMetric[] = [];
  try {
    for (const file of modules) {
      process.stderr.write(`bench: ${file}\n`);
      const mod = (await import(pathToFileURL(join(here, file)).href)) as { run(ctx: BenchContext): Promise<BenchMetric[]> };
      try {
        metrics.push(...(await mod.run(ctx)));
      } catch (e) {
        process.stderr.write(`  ${file} failed: ${e instanceof Error ? e.stack : String(e)}\n`);
        metrics.push({ name: `${file.replace('.bench.ts', '')}_failed`, value: Number.NaN, budget: 0, note: String(e) });
      }
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  printTable(metrics);
  const results = {
    metrics: Object.fromEntries(metrics.map((m) => [m.name, round(m.value)])),
    details: metrics.map((m) => ({ ...m, value: round(m.value), min: m.min == null ? undefined : round(m.min), max: m.max == null ? undefined : round(m.max) })),
    machine: { platform: platform(), arch: arch(), release: release(), cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version },
    date: new Date().toISOString(),
  };
  writeFileSync(join(repoRoot, 'bench-results.json'), JSON.stringify(results, null, 2) + '\n');
  const missed = metrics.filter((m) => m.budget != null && !(m.value <= m.budget));
  const byName = new Map(metrics.map((m) => [m.name, m]));
  for (const m of missed) {
    const floor = m.floor ? byName.get(m.floor) : undefined;
    const alone = floor && m.budget != null && floor.value > m.budget ? `; the browser alone, with no editor code, takes ${round(floor.value)} (${floor.name}), so no editor meets this budget on this machine` : '';
    process.stderr.write(`over budget: ${m.name} = ${round(m.value)} (budget ${m.budget})${alone}\n`);
  }
  return missed.length ? 1 : 0;
}

function round(v: number): number {
  return Number.isFinite(v) ? Math.round(v * 100) / 100 : v;
}

function printTable(metrics: BenchMetric[]): void {
  const byName = new Map(metrics.map((m) => [m.name, m]));
  const rows = metrics.map((m) => {
    const peer = m.peer ? byName.get(m.peer) : undefined;
    const floor = m.floor ? byName.get(m.floor) : undefined;
    return [
      m.name,
      String(round(m.value)),
      m.min != null ? `${round(m.min)}–${round(m.max ?? m.min)}` : '',
      m.budget != null ? `≤ ${m.budget}` : '',
      m.budget == null ? '' : m.value <= m.budget ? 'ok' : 'MISSED',
      peer ? `${peer.name} = ${round(peer.value)} (×${round(peer.value / m.value)})` : '',
      floor ? `${round(floor.value)}` : '',
    ];
  });
  const head = ['metric', 'median', 'min–max', 'budget', 'status', 'peer (peer/ours)', 'browser alone'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => '| ' + r.map((c, i) => c.padEnd(widths[i])).join(' | ') + ' |';
  process.stdout.write([line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n') + '\n');
}

main().then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(String(e instanceof Error ? e.stack : e) + '\n');
    process.exit(1);
  },
);
