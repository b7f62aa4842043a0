// The README's "How it is built" is the map a newcomer reads first: it must match the tree. Every
// folder it names exists, and every folder of the layers (and of electron/services and
// renderer/) is named in it, so a move or a new area that forgets the README fails here.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..', '..');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const block = /## How it is built\n\n```\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';

/** The folder names the map gives, each with the path of the section it sits in. */
function namedFolders(): string[] {
  const out: string[] = [];
  let top = '';
  for (const line of block.split('\n')) {
    // A folder's own line starts at the margin (top level) or two spaces in (inside the one
    // above); deeper lines continue the description.
    const m = /^( {2})?((?:[a-z-]+\/(?:[a-z-]+\/)?\s?)+)/.exec(line);
    if (!m) continue;
    m[1] = m[1] ?? '';
    const names = m[2].trim().split(/\s+/);
    if (!m[1]) top = names[0];
    for (const n of names) out.push(m[1] ? `${top}${n}` : n);
  }
  return out.map((f) => f.replace(/\/$/, ''));
}

// Dot folders (tests/.tmp, .scratch) are local scratch space, git-ignored: not part of the tree.
const dirs = (dir: string) => readdirSync(join(ROOT, dir), { withFileTypes: true }).filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => `${dir}/${e.name}`);

describe('README "How it is built"', () => {
  it('names only folders that exist', () => {
    const named = namedFolders();
    expect(named.length).toBeGreaterThan(30);
    expect(named.filter((f) => !safeIsDir(f))).toEqual([]);
  });

  it('names every folder of the layers, of electron/services and of renderer/', () => {
    const expected = [
      ...['shared', 'engine', 'electron', 'renderer', 'content', 'tests', 'bin', 'build'],
      ...dirs('shared'), ...dirs('electron'), ...dirs('electron/services'), ...dirs('renderer'), ...dirs('tests'),
    ];
    // By its own name ("archetypes/"), where its parent's entry lists it.
    const mentioned = (f: string) => block.includes(`${f.split('/').pop()}/`);
    expect(expected.filter((f) => !mentioned(f))).toEqual([]);
  });
});

function safeIsDir(f: string): boolean {
  try {
    readdirSync(join(ROOT, f));
    return true;
  } catch {
    return false;
  }
}
