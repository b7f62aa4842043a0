// `npm run bench`: runs every tests/bench/*.bench.ts module (or those named on the command line:
// `tsx tests/bench/run.ts scale ui`), prints one table of each metric with its peer measured in
// the same run and the ratio, writes bench-results.json, and exits non-zero when a target of
// tests/bench/targets.ts (or a module's own) misses, or a module fails. Absolute budgets are
// printed as notes for a real laptop and fail nothing: a shared 2-core VM cannot show them,
// while a ratio to a peer on the same machine in the same run holds anywhere.
import { readdirSync, mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir, cpus, totalmem, freemem, loadavg, platform, arch, release } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchContext, BenchMetric } from './types';
import { TARGETS, judge, type TargetResult } from './targets';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..', '..');
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const quick = process.argv.includes('--quick');

interface Judged {
  metric: BenchMetric;
  peerValue?: number;
  ratio?: number;
  results: TargetResult[];
}

async function main(): Promise<number> {
  const started = performance.now();
  const loadAtStart = loadavg();
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
  const moduleMs: Record<string, number> = {};
  try {
    for (const file of modules) {
      process.stderr.write(`bench: ${file}\n`);
      const t0 = performance.now();
      const mod = (await import(pathToFileURL(join(here, file)).href)) as { run(ctx: BenchContext): Promise<BenchMetric[]> };
      try {
        metrics.push(...(await mod.run(ctx)));
      } catch (e) {
        process.stderr.write(`  ${file} failed: ${e instanceof Error ? e.stack : String(e)}\n`);
        // A module that fails is a miss: its targets were not shown to hold.
        metrics.push({ name: `${file.replace('.bench.ts', '')}_failed`, value: Number.NaN, targets: [{ kind: 'max', max: 0 }], note: String(e) });
      }
      moduleMs[file] = Math.round(performance.now() - t0);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  const judged = judgeAll(metrics);
  printTable(judged);
  const missed = judged.flatMap((j) => j.results.filter((r) => !r.met).map((r) => ({ name: j.metric.name, text: r.text })));
  const results = {
    metrics: Object.fromEntries(
      judged.map(({ metric: m, peerValue, ratio, results: rs }) => [
        m.name,
        {
          median: round(m.value),
          min: m.min == null ? undefined : round(m.min),
          max: m.max == null ? undefined : round(m.max),
          unit: m.unit,
          peer: m.peer,
          peerMedian: peerValue == null ? undefined : round(peerValue),
          ratio: ratio == null ? undefined : round(ratio, 3),
          targets: rs.length ? rs.map((r) => ({ ...r.target, actual: round(r.actual, 3), met: r.met })) : undefined,
          laptopBudget: m.budget,
          note: m.note,
        },
      ]),
    ),
    missed,
    machine: {
      platform: platform(),
      arch: arch(),
      release: release(),
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model,
      memoryGb: Math.round(totalmem() / 2 ** 30),
      freeMemoryGbAtEnd: Math.round((freemem() / 2 ** 30) * 10) / 10,
      node: process.version,
      // 1, 5 and 15-minute load averages: on a shared machine they say how much the figures
      // measured waiting for a core.
      loadAverage: { start: loadAtStart.map((l) => round(l)), end: loadavg().map((l) => round(l)) },
    },
    modulesMs: moduleMs,
    durationMs: Math.round(performance.now() - started),
    date: new Date().toISOString(),
  };
  writeFileSync(join(repoRoot, 'bench-results.json'), JSON.stringify(results, null, 2) + '\n');
  process.stderr.write(`bench took ${(results.durationMs / 1000).toFixed(1)} s; load average ${results.machine.loadAverage.start.join(' ')} at start, ${results.machine.loadAverage.end.join(' ')} at end\n`);
  for (const m of missed) process.stderr.write(`target missed: ${m.text}\n`);
  return missed.length ? 1 : 0;
}

function judgeAll(metrics: BenchMetric[]): Judged[] {
  const byName = new Map(metrics.map((m) => [m.name, m]));
  return metrics.map((metric) => {
    const peer = metric.peer ? byName.get(metric.peer) : undefined;
    const targets = [...(TARGETS[metric.name] ?? []), ...(metric.targets ?? [])];
    return {
      metric,
      peerValue: peer?.value,
      ratio: peer ? metric.value / peer.value : undefined,
      results: judge(metric.name, metric.value, targets, byName),
    };
  });
}

function round(v: number, digits = 2): number {
  const f = 10 ** digits;
  return Number.isFinite(v) ? Math.round(v * f) / f : v;
}

function printTable(judged: Judged[]): void {
  const rows = judged.map(({ metric: m, peerValue, ratio, results }) => [
    m.name,
    String(round(m.value)),
    m.min != null ? `${round(m.min)}–${round(m.max ?? m.min)}` : '',
    m.peer ? `${m.peer} = ${peerValue == null ? 'not measured' : round(peerValue)}` : '',
    ratio == null ? '' : `×${round(ratio)}`,
    results.map((r) => (r.target.kind === 'max' ? `≤ ${r.target.max}` : `≤ ×${r.target.max} ${r.target.of === m.peer ? 'peer' : r.target.of}`)).join('; '),
    results.length ? (results.every((r) => r.met) ? 'ok' : 'MISSED') : '',
    m.budget != null ? `${m.value <= m.budget ? 'within' : 'over'} ${m.budget}` : '',
  ]);
  const head = ['metric', 'median', 'min–max', 'peer (same run)', 'ours/peer', 'target', 'status', 'laptop budget (note)'];
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
