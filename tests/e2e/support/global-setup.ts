// Makes sure the renderer is built before the web host serves it. `npm run test:e2e` builds
// first; this covers `npx playwright test` run on its own in a fresh clone.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './paths';

export default function globalSetup(): void {
  if (existsSync(join(repoRoot, 'dist', 'renderer', 'index.html'))) return;
  execFileSync(join(repoRoot, 'node_modules', '.bin', 'vite'), ['build'], { cwd: repoRoot, stdio: 'inherit' });
}
