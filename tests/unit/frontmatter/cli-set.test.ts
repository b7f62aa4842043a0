// `postwright set` run as a real process on real files: only the named lines change, BOM and
// CRLF survive, and bad input writes nothing.
import { describe, it, expect, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSetArgs } from '../../../electron/cli/commands/set';

const dir = mkdtempSync(join(tmpdir(), 'postwright-set-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const BIN = join(__dirname, '../../../bin/postwright.mjs');

function set(...args: string[]): { code: number; out: string; err: string } {
  try {
    const out = execFileSync(process.execPath, [BIN, 'set', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { code: 0, out, err: '' };
  } catch (e) {
    const x = e as { status: number; stdout: string; stderr: string };
    return { code: x.status, out: x.stdout, err: x.stderr };
  }
}

const POST = '---\r\ntitle: "Driftwood day one"\r\ndraft: true\r\ntags:\r\n  - recap\r\nmenu:\r\n  main:\r\n    weight: 3\r\n---\r\nThe harbour was foggy.\r\n';

describe('postwright set', () => {
  it('changes named fields only, keeping BOM and CRLF', () => {
    const file = join(dir, 'post.md');
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(POST)]));
    const r = set(file, 'draft=false', 'menu.main.weight=4', 'tags=[recap, harbour]', '--unset', 'title');
    expect(r.code).toBe(0);
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe(
      '---\r\ndraft: false\r\ntags:\r\n  - recap\r\n  - harbour\r\nmenu:\r\n  main:\r\n    weight: 4\r\n---\r\nThe harbour was foggy.\r\n',
    );
    expect(readdirSync(dir)).toEqual(['post.md']);
  });

  it('changes only the title line of a TOML front matter with spaced table headers and trailing blanks', () => {
    const file = join(dir, 'toml.md');
    const post = '+++\ntitle = "A"\nsubtitle = "b" \n[ author ]\nname = "Ana"\n[[ links ]]\nurl = "x"\n+++\nBody\n';
    writeFileSync(file, post);
    expect(set(file, 'title=X').code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(post.replace('title = "A"', 'title = "X"'));
    rmSync(file);
  });

  it('adds front matter to a post that has none', () => {
    const file = join(dir, 'bare.md');
    writeFileSync(file, 'Just text.\n');
    expect(set(file, 'title=Bare').code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe('---\ntitle: Bare\n---\nJust text.\n');
  });

  it('refuses bad input with a plain message and writes nothing', () => {
    const file = join(dir, 'keep.md');
    writeFileSync(file, POST);
    const bad = [set(file, 'tags=[unclosed'), set(file, 'novalue'), set(file), set(join(dir, 'missing.md'), 'a=1')];
    for (const r of bad) {
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/^postwright set: /);
    }
    expect(readFileSync(file, 'utf8')).toBe(POST);
    const broken = join(dir, 'broken.md');
    writeFileSync(broken, '---\ntitle: "open\n---\n');
    expect(set(broken, 'draft=true').err).toMatch(/error on line/);
    expect(readFileSync(broken, 'utf8')).toBe('---\ntitle: "open\n---\n');
  });

  it('reads values as YAML and keys with dots', () => {
    expect(parseSetArgs(['f.md', 'date=2025-12-02', 'weight=5', 'draft=true', 'a."b.c"=x', '--unset=old']).edits).toEqual([
      { path: ['date'], value: '2025-12-02' },
      { path: ['weight'], value: 5 },
      { path: ['draft'], value: true },
      { path: ['a', 'b.c'], value: 'x' },
      { path: ['old'], value: undefined },
    ]);
  });
});
