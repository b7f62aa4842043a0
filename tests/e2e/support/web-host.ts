// Starts the real web host on a fresh copy of the sample site and stops it afterwards, through
// the one launcher shared with the bench (tests/support/web-host-process.ts). The host runs
// from the bundle global-setup built (POSTWRIGHT_E2E_HOST), else from the sources via tsx.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { launchWebHostProcess } from '../../support/web-host-process';
import { repoRoot, sampleSite } from './paths';

export interface RunningSite {
  /** Root of the copied site (holds hugo.toml). */
  root: string;
  /** Its content folder. */
  contentDir: string;
  /** The app's data folder (recovery journal, log). */
  dataDir: string;
  /** The first start address (a one-time start code): the `app` fixture opens it. */
  url: string;
  /** Another start address, for a second page (each opens the app once). */
  newUrl(): Promise<string>;
  stop(): Promise<void>;
}

/** POSTWRIGHT_E2E_DIST serves a renderer built elsewhere (so a rebuild of dist/ mid-run cannot break a run). */
const distDir = process.env.POSTWRIGHT_E2E_DIST || undefined;
const bundle = process.env.POSTWRIGHT_E2E_HOST || undefined;

/**
 * `extraFiles` (site-relative path -> text) are written into the copy before the host starts, so
 * the first list already shows them (a body-less post, a post that breaks a region).
 */
export async function startWebHost(sourceSite = sampleSite, extraFiles: Record<string, string> = {}): Promise<RunningSite> {
  const base = mkdtempSync(join(tmpdir(), 'postwright-e2e-'));
  const root = join(base, 'site');
  cpSync(sourceSite, root, { recursive: true });
  for (const [path, text] of Object.entries(extraFiles)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  const dataDir = join(base, 'data');
  const host = await launchWebHostProcess({ repoRoot, site: root, dataDir, distDir, bundle, timeoutMs: 30_000 });
  return {
    root,
    contentDir: join(root, 'content'),
    dataDir,
    url: host.url,
    newUrl: host.newStartUrl,
    async stop() {
      await host.stop();
      rmSync(base, { recursive: true, force: true });
    },
  };
}

export interface LaunchedHost {
  url: string;
  newUrl(): Promise<string>;
  child: ChildProcess;
  /** Ends the host the hard way (SIGKILL: no cleanup, like a crash or a power cut). */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts the web host on an existing site folder and data folder (for restart tests). */
export async function launchWebHost(root: string, dataDir: string): Promise<LaunchedHost> {
  // A process group of its own: under tsx the host runs in a child process, and a kill must reach it.
  const host = await launchWebHostProcess({ repoRoot, site: root, dataDir, distDir, bundle, detached: true, timeoutMs: 30_000 });
  return { url: host.url, newUrl: host.newStartUrl, child: host.child, kill: host.kill, stop: host.stop };
}
