// `npm run web -- --site <dir> [--port <n>] [--data <dir>]`: runs the real app in a browser.
// Prints the URL with its token on a line of its own and runs until killed.
import { homedir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startWebHost } from './web-host';
import { isPostwrightError } from '../../shared/ipc/errors';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

async function main(): Promise<void> {
  const site = arg('site');
  const port = arg('port') ? Number(arg('port')) : 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, not "${arg('port')}"`);
  const host = await startWebHost({
    site: site ? resolve(site) : undefined,
    port,
    distDir: resolve(arg('dist') ?? join(repoRoot, 'dist', 'renderer')),
    dataDir: resolve(arg('data') ?? process.env.POSTWRIGHT_DATA_DIR ?? join(homedir(), '.postwright', 'web')),
  });
  process.stdout.write(`Postwright is running. Open this address in your browser (only on this computer):\n${host.url}\n`);
  const stop = () => {
    host.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => {
  process.stderr.write(`postwright web: ${isPostwrightError(e) ? e.message : e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
