// `npm run audit:electron`: runs Electronegativity (@doyensec/electronegativity) on the
// source (electron/, renderer/, shared/) and on the built output (dist/), and fails on any
// finding that build/electronegativity-allowlist.json does not explain. Electronegativity
// skips `.cjs` files and its parser stops at private class fields, so the built bundles are
// scanned from a copy renamed to `.js` and lowered to ES2019 syntax (same code, older
// spelling). The check
// that looks up Electron releases online is left out (no network here; Dependabot and the
// release notes cover it), and the Electron version is given rather than fetched.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { transformSync } from 'esbuild';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const ALLOWLIST = join(repo, 'build', 'electronegativity-allowlist.json');

interface Allowed {
  check: string;
  /** Path inside the scanned tree ("electron/shell/window.ts", "dist/electron/main.js"), or "N/A" for global checks. */
  file: string;
  scan: 'source' | 'built';
  reason: string;
}

export interface Finding {
  scan: 'source' | 'built';
  check: string;
  file: string;
  line: number;
  message: string;
}

interface Sarif {
  runs: Array<{ results: Array<{ ruleId: string; message: { text: string }; locations?: Array<{ physicalLocation?: { artifactLocation?: { uri?: string }; region?: { startLine?: number } } }> }> }>;
}

function electronVersion(): string {
  const pkg = JSON.parse(readFileSync(join(repo, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

function scan(kind: 'source' | 'built', input: string): Finding[] {
  const out = join(dirname(input), `${kind}.sarif`);
  const bin = join(repo, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js');
  const r = spawnSync(process.execPath, [bin, '-i', input, '-r', '-v', 'false', '-e', electronVersion(), '-x', 'AvailableSecurityFixesGlobalCheck', '-o', out], {
    encoding: 'utf8',
    timeout: 300_000,
  });
  if (!existsSync(out)) throw new Error(`Electronegativity did not produce a report for the ${kind} scan:\n${r.stdout}\n${r.stderr}`);
  const sarif = JSON.parse(readFileSync(out, 'utf8')) as Sarif;
  return sarif.runs.flatMap((run) =>
    run.results.map((res) => {
      const loc = res.locations?.[0]?.physicalLocation;
      return {
        scan: kind,
        check: res.ruleId,
        file: (loc?.artifactLocation?.uri ?? 'N/A').replace(/\\/g, '/'),
        line: loc?.region?.startLine ?? 0,
        message: res.message.text,
      };
    }),
  );
}

/** Makes the built bundles readable to Electronegativity (see the top of the file). */
function prepareBundles(dir: string): void {
  for (const name of readdirSync(dir)) {
    const abs = join(dir, name);
    if (statSync(abs).isDirectory()) prepareBundles(abs);
    else if (name.endsWith('.cjs')) {
      const { code } = transformSync(readFileSync(abs, 'utf8'), { loader: 'js', format: 'cjs', target: 'es2019', platform: 'node' });
      writeFileSync(abs.replace(/\.cjs$/, '.js'), code);
      unlinkSync(abs);
    }
  }
}

export function runAudit(): { findings: Finding[]; unexplained: Finding[]; stale: Allowed[] } {
  if (!existsSync(join(repo, 'dist', 'electron', 'main.cjs'))) throw new Error('Build first: npm run build (dist/electron/main.cjs is missing).');
  const work = mkdtempSync(join(tmpdir(), 'postwright-audit-'));
  try {
    const source = join(work, 'source');
    for (const d of ['electron', 'renderer', 'shared', 'package.json']) cpSync(join(repo, d), join(source, d), { recursive: true });
    const built = join(work, 'built');
    cpSync(join(repo, 'dist'), join(built, 'dist'), { recursive: true, filter: (p) => !p.endsWith('.map') });
    cpSync(join(repo, 'package.json'), join(built, 'package.json'));
    prepareBundles(built);

    const findings = [...scan('source', source), ...scan('built', built)];
    const allowed = JSON.parse(readFileSync(ALLOWLIST, 'utf8')) as Allowed[];
    const matches = (a: Allowed, f: Finding) => a.check === f.check && a.file === f.file && a.scan === f.scan;
    const unexplained = findings.filter((f) => !allowed.some((a) => matches(a, f)));
    const stale = allowed.filter((a) => !findings.some((f) => matches(a, f)));
    return { findings, unexplained, stale };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { findings, unexplained, stale } = runAudit();
  for (const f of findings) {
    const mark = unexplained.includes(f) ? 'UNEXPLAINED' : 'allowed    ';
    console.log(`${mark} [${f.scan}] ${f.check} ${f.file}:${f.line} — ${f.message}`);
  }
  for (const s of stale) console.log(`note: allow-list entry no longer needed: [${s.scan}] ${s.check} ${s.file}`);
  console.log(`\n${findings.length} finding(s), ${unexplained.length} unexplained.`);
  process.exit(unexplained.length ? 1 : 0);
}
