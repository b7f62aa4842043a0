// Makes sure the renderer is built before the web host serves it (`npm run test:e2e` builds
// first; this covers `npx playwright test` run on its own in a fresh clone), and builds the web
// host from the sources now on disk into a private folder, so each test's host starts with
// plain `node` (as `npm run web` does) instead of transpiling TypeScript at every start. The
// tests find it through POSTWRIGHT_E2E_HOST; the returned function removes it after the run.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildWebHost } from '../../support/build-web-host';
import { repoRoot } from './paths';

export default async function globalSetup(): Promise<(() => void) | undefined> {
  if (!existsSync(join(repoRoot, 'dist', 'renderer', 'index.html'))) {
    execFileSync(join(repoRoot, 'node_modules', '.bin', 'vite'), ['build'], { cwd: repoRoot, stdio: 'inherit' });
  }
  if (process.env.POSTWRIGHT_E2E_HOST) return undefined;
  const outDir = mkdtempSync(join(tmpdir(), 'postwright-e2e-host-'));
  process.env.POSTWRIGHT_E2E_HOST = await buildWebHost(repoRoot, outDir);
  return () => rmSync(outDir, { recursive: true, force: true });
}
