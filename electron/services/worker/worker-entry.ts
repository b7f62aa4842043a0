// Where the disk worker's entry file is, in each way the app runs: from source under tsx or
// vitest (disk-worker.ts, started through tsx's loader), or bundled by Vite next to the main
// bundle (dist/web/disk-worker.mjs, dist/electron/disk-worker.cjs; the web host's lazily
// loaded chunks sit one folder down, in dist/web/chunks/).
import { access } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { Worker, type WorkerOptions } from 'node:worker_threads';

export interface WorkerEntry {
  file: string;
  /** TypeScript source: the worker must register tsx's loader before loading it. */
  source: boolean;
}

const BUILT_NAMES = ['disk-worker.mjs', 'disk-worker.cjs'];

export async function findDiskWorkerEntry(): Promise<WorkerEntry> {
  const here = fileURLToPath(import.meta.url);
  const dir = dirname(here);
  if (here.endsWith('.ts')) return { file: join(dir, 'disk-worker.ts'), source: true };
  for (const d of [dir, dirname(dir)]) {
    for (const name of BUILT_NAMES) {
      const file = join(d, name);
      if (await access(file).then(() => true, () => false)) return { file, source: false };
    }
  }
  throw new Error(`The disk worker was not built next to ${here}.`);
}

/**
 * Starts a worker thread on `entry`. A source entry goes through tsx: Node 20 applies
 * `--import` hooks in a worker only after its entry loaded, so a small evaluated script
 * registers tsx first and then imports the real entry.
 */
export function startWorker(entry: WorkerEntry, options: WorkerOptions): Worker {
  if (!entry.source) return new Worker(entry.file, options);
  const tsx = pathToFileURL(tsxEsmApi()).href;
  const main = pathToFileURL(entry.file).href;
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { (m.register ?? m.default.register)(); return import(${JSON.stringify(main)}); });`;
  return new Worker(boot, { ...options, eval: true });
}

/**
 * tsx's ESM API file (its `import` export): the CommonJS one cannot register the loader from
 * an evaluated worker script. Found through tsx's own exports map, not a guessed path.
 */
function tsxEsmApi(): string {
  const require = createRequire(import.meta.url);
  const pkgFile = require.resolve('tsx/package.json');
  const pkg = require(pkgFile) as { exports: Record<string, { import: { default: string } }> };
  return join(dirname(pkgFile), pkg.exports['./esm/api'].import.default);
}
