// `npm run audit:electron`: runs Electronegativity on the Electron source (electron/ with the
// renderer's index.html and the CSP meta tag the build writes into it) and, when built, on dist/electron (with
// dist/renderer/index.html). Fails on any finding that electronegativity-allowlist.json does not
// explain. Electronegativity only reads .js/.ts/.html files and its parser predates class
// private fields, so the built .cjs bundles are staged as .js lowered to ES2019 syntax (same
// code, older syntax). A file it cannot parse fails the audit: an unread file hides findings.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';
import { z } from 'zod';
import { withCspMeta } from '../../shared/security/csp';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = join(repo, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js');

const Allow = z.object({
  check: z.string(),
  /** "source" or "built"; both when absent. */
  target: z.enum(['source', 'built']).optional(),
  /** File as Electronegativity reports it (relative to the scanned folder), or "*" for global checks. */
  file: z.string(),
  reason: z.string().min(20),
});
const AllowList = z.object({ findings: z.array(Allow) });

const Sarif = z.object({
  runs: z.array(
    z.object({
      results: z.array(
        z.object({
          ruleId: z.string(),
          message: z.object({ text: z.string() }),
          locations: z.array(
            z.object({
              physicalLocation: z.object({
                artifactLocation: z.object({ uri: z.string() }),
                region: z.object({ startLine: z.number().optional() }).optional(),
              }),
            }),
          ),
        }),
      ),
    }),
  ),
});

interface Finding {
  target: 'source' | 'built';
  check: string;
  file: string;
  line: number;
  message: string;
}

function electronVersion(): string {
  const pkg = JSON.parse(readFileSync(join(repo, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

function stage(target: 'source' | 'built', work: string): string | null {
  const dir = join(work, target);
  mkdirSync(dir, { recursive: true });
  if (target === 'source') {
    cpSync(join(repo, 'electron'), join(dir, 'electron'), { recursive: true });
    // With the CSP meta tag the build writes into it (vite.config.ts).
    mkdirSync(join(dir, 'renderer'));
    writeFileSync(join(dir, 'renderer', 'index.html'), withCspMeta(readFileSync(join(repo, 'renderer', 'index.html'), 'utf8')));
    return dir;
  }
  const built = join(repo, 'dist', 'electron');
  if (!existsSync(built)) return null;
  mkdirSync(join(dir, 'electron'));
  for (const name of readdirSync(built)) {
    if (!/\.(c|m)?js$/.test(name)) continue;
    const lowered = transformSync(readFileSync(join(built, name), 'utf8'), { loader: 'js', target: 'es2019', format: 'cjs' });
    writeFileSync(join(dir, 'electron', name.replace(/\.(c|m)js$/, '.js')), lowered.code);
  }
  const html = join(repo, 'dist', 'renderer', 'index.html');
  if (existsSync(html)) cpSync(html, join(dir, 'renderer', 'index.html'));
  return dir;
}

function scan(target: 'source' | 'built', dir: string, work: string): Finding[] {
  const out = join(work, `${target}.sarif`);
  const run = spawnSync(process.execPath, [cli, '-i', dir, '-o', out, '-r', '-v', 'false', '-e', electronVersion()], {
    encoding: 'utf8',
    timeout: 300_000,
  });
  const log = `${run.stdout}\n${run.stderr}`;
  const parseErrors = log.split('\n').filter((l) => /Error parsing/i.test(l));
  if (run.status !== 0 || parseErrors.length || !existsSync(out)) {
    throw new Error(`Electronegativity could not scan the ${target} files:\n${parseErrors.join('\n') || log.slice(-2000)}`);
  }
  const sarif = Sarif.parse(JSON.parse(readFileSync(out, 'utf8')));
  return sarif.runs.flatMap((run) =>
    run.results.map((r) => {
      const loc = r.locations[0]?.physicalLocation;
      const uri = loc?.artifactLocation.uri ?? '';
      return {
        target,
        check: r.ruleId,
        file: uri === 'file:///' || uri === '' ? '*' : uri,
        line: loc?.region?.startLine ?? 0,
        message: r.message.text,
      };
    }),
  );
}

function main(): void {
  const allow = AllowList.parse(JSON.parse(readFileSync(join(repo, 'electronegativity-allowlist.json'), 'utf8'))).findings;
  const work = mkdtempSync(join(tmpdir(), 'pw-audit-'));
  const findings: Finding[] = [];
  try {
    for (const target of ['source', 'built'] as const) {
      const dir = stage(target, work);
      if (!dir) {
        console.log(`audit:electron: no dist/electron yet, built output not scanned (run "npm run build:electron").`);
        continue;
      }
      findings.push(...scan(target, dir, work));
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const used = new Set<number>();
  const unexplained = findings.filter((f) => {
    const i = allow.findIndex((a) => a.check === f.check && (a.file === '*' || a.file === f.file) && (!a.target || a.target === f.target));
    if (i >= 0) used.add(i);
    return i < 0;
  });
  for (const f of findings) {
    const mark = unexplained.includes(f) ? 'UNEXPLAINED' : 'allowed    ';
    console.log(`${mark} ${f.target.padEnd(6)} ${f.check.padEnd(40)} ${f.file}:${f.line}  ${f.message.slice(0, 90)}`);
  }
  allow.forEach((a, i) => {
    if (!used.has(i)) console.log(`note: allow-list entry no longer needed: ${a.check} ${a.file}`);
  });
  console.log(`audit:electron: ${findings.length} finding(s), ${findings.length - unexplained.length} explained in electronegativity-allowlist.json, ${unexplained.length} unexplained.`);
  if (unexplained.length) process.exit(1);
}

main();
