// `postwright web --help` (node dist/web/cli.mjs --help) prints how to use it and exits instead
// of starting a server and opening the last site.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repoRoot = resolve(__dirname, '..', '..', '..');

describe('web host command line', () => {
  it.each(['--help', '-h'])('%s prints usage and exits 0 without starting', (flag) => {
    const data = mkdtempSync(join(tmpdir(), 'pw-cli-'));
    try {
      const out = execFileSync(join(repoRoot, 'node_modules', '.bin', 'tsx'), ['electron/web/cli.ts', flag, '--data', data], { cwd: repoRoot, encoding: 'utf8', timeout: 30_000 });
      expect(out).toMatch(/^Usage: /);
      expect(out).toContain('--site <folder>');
      expect(out).not.toContain('http://127.0.0.1');
    } finally {
      rmSync(data, { recursive: true, force: true });
    }
  }, 40_000);
});
