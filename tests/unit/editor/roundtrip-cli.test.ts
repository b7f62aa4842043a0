// `postwright roundtrip`: JSON report shape, exit code, and that fixture files (with every kind
// of front matter, BOM, CRLF) come back byte-identical from the editor engine.
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { run } from '../../../electron/cli/commands/roundtrip';
import { fixturesDir } from './helpers';

async function capture(argv: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    return { code: await run(argv), out };
  } finally {
    spy.mockRestore();
  }
}

describe('postwright roundtrip', () => {
  it('reports every fixture identical and mappable, exit 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pw-roundtrip-'));
    for (const f of readdirSync(fixturesDir)) copyFileSync(join(fixturesDir, f), join(dir, f));
    writeFileSync(join(dir, 'notes.txt'), 'not markdown');
    const before = readdirSync(dir).map((f) => readFileSync(join(dir, f)));
    const { code, out } = await capture([dir, '--json', '--write']);
    const report = JSON.parse(out);
    const mdCount = readdirSync(dir).filter((f) => f.endsWith('.md')).length;
    expect(report).toMatchObject({ files: mdCount, identical: mdCount, changed: [], errors: [], mappable: mdCount });
    expect(code).toBe(0);
    expect(readdirSync(dir).map((f) => readFileSync(join(dir, f)))).toEqual(before);
  });

  it('reports a file that is not UTF-8 as an error, exit 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pw-roundtrip-'));
    writeFileSync(join(dir, 'latin1.md'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
    const { code, out } = await capture([dir, '--json']);
    const report = JSON.parse(out);
    expect(report.files).toBe(1);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0].message).toMatch(/UTF-8/);
    expect(code).toBe(1);
  });
});
