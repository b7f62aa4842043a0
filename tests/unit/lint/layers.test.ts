// The lint rules of eslint.config.js, run through ESLint's Node API on small fixture sources
// placed (virtually) in each layer: every wrong-way import and every *Sync disk call in
// electron/services must be an error, and the right-way imports must pass. Without the rules
// these fixtures lint clean, so each test fails.
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const eslint = new ESLint({ cwd: root });

/** The rule ids ESLint reports for `code` as if it were the file at `path` (relative to the repo). */
async function errorsOf(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}/${path}` });
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

const layers = (path: string, code: string) => errorsOf(path, code).then((e) => e.filter((m) => /layers|no-restricted-imports/.test(m)));

describe('layers: shared ← engine ← {renderer, electron}', () => {
  it('rejects the engine importing the renderer, electron/, Node or jsdom', async () => {
    expect(await layers('engine/fixture.ts', "import { App } from '../renderer/app/App';\nexport { App };\n")).toEqual([
      expect.stringMatching(/^postwright\/layers: engine\/ may import only shared\/, engine\/.*this imports renderer\//),
    ]);
    expect(await layers('engine/fixture.ts', "export { boot } from '../electron/services/boot';\n")).toEqual([expect.stringMatching(/this imports electron\//)]);
    expect(await layers('engine/fixture.ts', "import { readFile } from 'node:fs/promises';\nexport { readFile };\n")).toEqual([expect.stringMatching(/^no-restricted-imports/)]);
    expect(await layers('engine/fixture.ts', "import path from 'path';\nexport { path };\n")).toEqual([expect.stringMatching(/^no-restricted-imports/)]);
    expect(await layers('engine/fixture.ts', "import { JSDOM } from 'jsdom';\nexport { JSDOM };\n")).toEqual([expect.stringMatching(/^no-restricted-imports/)]);
    expect(await layers('engine/fixture.ts', "import { app } from 'electron';\nexport { app };\n")).toEqual([expect.stringMatching(/^no-restricted-imports/)]);
  });

  it('rejects shared/ importing the engine, and dynamic or type-only imports the wrong way', async () => {
    expect(await layers('shared/fixture.ts', "import { setup } from '../engine/setup';\nexport { setup };\n")).toEqual([expect.stringMatching(/shared\/ may import only shared\/.*this imports engine\//)]);
    expect(await layers('shared/ipc/fixture.ts', "export const load = () => import('../../renderer/main');\n")).toEqual([expect.stringMatching(/this imports renderer\//)]);
    expect(await layers('shared/ipc/fixture.ts', "export type T = typeof import('../../electron/services/boot');\n")).toEqual([expect.stringMatching(/this imports electron\//)]);
  });

  it('rejects anything outside renderer/ importing renderer/, however the path is spelled', async () => {
    expect(await layers('electron/cli/fixture.ts', "import { createPostEditor } from '../../renderer/editor/post-editor';\nexport { createPostEditor };\n")).toEqual([
      expect.stringMatching(/electron\/ may import only shared\/, engine\/, electron\/.*this imports renderer\//),
    ]);
    expect(await layers('electron/cli/fixture.ts', "import { x } from '../../engine/../renderer/x';\nexport { x };\n")).toEqual([expect.stringMatching(/this imports renderer\//)]);
    expect(await layers('renderer/app/fixture.ts', "import { boot } from '../../electron/services/boot';\nexport { boot };\n")).toEqual([expect.stringMatching(/renderer\/ may import only .*this imports electron\//)]);
  });

  it('accepts the imports that go the right way', async () => {
    expect(await layers('renderer/editor/fixture.ts', "import { createMilkdown } from '../../engine/create-milkdown';\nimport { toLf } from '../../shared/markdown/style';\nexport { createMilkdown, toLf };\n")).toEqual([]);
    expect(await layers('electron/cli/fixture.ts', "import { roundtripText } from '../../engine/roundtrip-text';\nimport { readFile } from 'node:fs/promises';\nexport { roundtripText, readFile };\n")).toEqual([]);
    expect(await layers('engine/fixture.ts', "import { mergeBlock } from '../shared/markdown/merge-block';\nimport { verbatimNodes } from './schema/verbatim-nodes';\nexport { mergeBlock, verbatimNodes };\n")).toEqual([]);
    expect(await layers('shared/ipc/fixture.ts', "export * from './events';\n")).toEqual([]);
  });
});

describe('no-sync-fs in electron/services', () => {
  const sync = (path: string, code: string) => errorsOf(path, code).then((e) => e.filter((m) => m.startsWith('postwright/no-sync-fs')));

  it('rejects a *Sync call, imported by name or called on the fs namespace', async () => {
    expect(await sync('electron/services/posts/fixture.ts', "import { readFileSync } from 'node:fs';\nexport const read = (p: string) => readFileSync(p, 'utf8');\n")).toEqual([
      expect.stringMatching(/^postwright\/no-sync-fs: readFileSync blocks the main process/),
    ]);
    expect(await sync('electron/services/posts/fixture.ts', "import * as fs from 'fs';\nexport const has = (p: string) => fs.existsSync(p);\n")).toEqual([expect.stringMatching(/existsSync/)]);
    expect(await sync('electron/services/posts/fixture.ts', "import { findPostFilesSync } from '../site/list-posts';\nexport const all = (d: string) => findPostFilesSync(d);\n")).toEqual([expect.stringMatching(/findPostFilesSync/)]);
  });

  it('allows only the listed names in the listed files (the temporary allowlist)', async () => {
    const listed = "import { readdirSync, openSync, fstatSync, readSync, closeSync } from 'node:fs';\nexport { readdirSync, openSync, fstatSync, readSync, closeSync };\n";
    expect(await sync('electron/services/site/list-posts.ts', listed)).toEqual([]);
    expect(await sync('electron/services/site/list-posts.ts', "import { writeFileSync } from 'node:fs';\nexport { writeFileSync };\n")).toEqual([expect.stringMatching(/writeFileSync/)]);
  });

  it('no longer allows the files that went async (git guards, init, commit, restore, repo; the image index)', async () => {
    const cases: Array<[string, string]> = [
      ['electron/services/git/guards.ts', 'existsSync'],
      ['electron/services/git/init.ts', 'writeFileSync'],
      ['electron/services/git/commit.ts', 'readFileSync'],
      ['electron/services/git/conflicts.ts', 'readFileSync'],
      ['electron/services/git/restore.ts', 'mkdirSync'],
      ['electron/services/git/repo.ts', 'existsSync'],
    ];
    for (const [file, name] of cases) {
      expect(await sync(file, `import { ${name} } from 'node:fs';\nexport { ${name} };\n`)).toEqual([expect.stringMatching(new RegExp(name))]);
    }
    expect(await sync('electron/services/images/site-image-index.ts', "import { findPostFilesSync } from '../site/list-posts';\nexport { findPostFilesSync };\n")).toEqual([expect.stringMatching(/findPostFilesSync/)]);
  });

  it('accepts promise calls, and *Sync calls outside the services (the CLI may block)', async () => {
    expect(await sync('electron/services/posts/fixture.ts', "import { readFile } from 'node:fs/promises';\nexport const read = (p: string) => readFile(p, 'utf8');\n")).toEqual([]);
    expect(await sync('electron/cli/fixture.ts', "import { readFileSync } from 'node:fs';\nexport const read = (p: string) => readFileSync(p, 'utf8');\n")).toEqual([]);
  });
});
