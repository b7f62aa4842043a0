// `npm run web -- --site <dir> [--port <n>] [--data <dir>]`: runs the real app in a browser.
// Prints a start address on a line of its own and runs until killed. Each address opens the app
// once (see web-sessions.ts); pressing Enter prints a new one, for another browser tab.
import { homedir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { startWebHost } from './web-host';
import { isPostwrightError } from '../../shared/ipc/errors';

export const USAGE = `Usage: postwright-web [options]

Runs Postwright in your browser, on this computer only (127.0.0.1).

Options:
  --site <folder>   the Hugo site to open (default: the last one opened)
  --port <n>        the port to listen on (default: any free port)
  --data <folder>   where settings and the recovery journal are kept
                    (default: $POSTWRIGHT_DATA_DIR or ~/.postwright/web)
  --dist <folder>   the built app to serve (default: dist/renderer)
  -h, --help        show this help and exit

It prints an address to open in your browser. Each address works once and for 15 minutes;
press Enter in this window for a new one.
`;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

async function main(): Promise<void> {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    process.stdout.write(USAGE);
    return;
  }
  const site = arg('site');
  const port = arg('port') ? Number(arg('port')) : 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, not "${arg('port')}"`);
  const host = await startWebHost({
    site: site ? resolve(site) : undefined,
    port,
    distDir: resolve(arg('dist') ?? join(repoRoot, 'dist', 'renderer')),
    dataDir: resolve(arg('data') ?? process.env.POSTWRIGHT_DATA_DIR ?? join(homedir(), '.postwright', 'web')),
  });
  process.stdout.write(`Postwright is running. Open this address in your browser (only on this computer; it works once):\n${host.url}\n`);
  process.stdout.write('Press Enter here for a new address.\n');
  const lines = createInterface({ input: process.stdin });
  lines.on('line', () => process.stdout.write(`${host.newStartUrl()}\n`));
  const stop = () => {
    lines.close();
    host.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => {
  process.stderr.write(`postwright web: ${isPostwrightError(e) ? e.message : e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
