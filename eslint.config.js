// Lint rules keep the layers apart, as VS Code's do. Imports go one way only:
//
//     shared  ←  engine  ←  { renderer, electron }
//
// shared/ is pure (no Node, no DOM, no electron); engine/ (the editor engine that the window and
// the CLI share) adds Milkdown/ProseMirror/remark and nothing of Node, electron or the renderer;
// nothing outside renderer/ imports renderer/ (tests excepted: they test it); only
// electron/shell/ may import `electron`. And electron/services do no synchronous disk work: a
// *Sync call blocks the main process, so every window and every IPC call waits on the disk.
// tests/unit/lint/layers.test.ts proves each rule fails on a wrong import or a *Sync call.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { builtinModules } from 'node:module';
import * as fs from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const nodeNames = [...new Set(builtinModules.map((m) => m.replace(/^node:/, '').split('/')[0]))];
/** Every Node built-in, with or without `node:`, and its sub-paths (`fs/promises`). */
const nodeImports = [{ regex: `^(node:)?(${nodeNames.join('|')})(/.*)?$`, message: 'Node built-ins belong in electron/: this layer runs in the window too.' }];

/** The top-level folders each layer may import from (by resolved path, so `../..` tricks fail). */
const LAYERS = {
  shared: ['shared'],
  engine: ['shared', 'engine'],
  renderer: ['shared', 'engine', 'renderer'],
  electron: ['shared', 'engine', 'electron'],
  bin: ['electron', 'bin'],
};

/** The source of every import, re-export, dynamic import() and `typeof import()` type of a file. */
function eachImport(report) {
  const check = (node, source) => {
    if (source && source.type === 'Literal' && typeof source.value === 'string') report(node, source.value);
  };
  return {
    ImportDeclaration: (n) => check(n, n.source),
    ExportNamedDeclaration: (n) => check(n, n.source),
    ExportAllDeclaration: (n) => check(n, n.source),
    ImportExpression: (n) => check(n, n.source),
    // typescript-eslint 8.x names the string `source` (older versions: `argument.literal`).
    TSImportType: (n) => check(n, 'source' in n ? n.source : n.argument?.literal),
  };
}

const layersRule = {
  meta: { type: 'problem', schema: [], messages: { wrongWay: '{{from}}/ may import only {{allowed}} (layers: shared ← engine ← renderer, electron); this imports {{to}}/.' } },
  create(context) {
    const file = relative(root, context.filename).split(sep).join('/');
    const from = file.split('/')[0];
    const allowed = LAYERS[from];
    if (!allowed) return {};
    return eachImport((node, spec) => {
      if (!spec.startsWith('.')) return;
      const to = relative(root, resolve(dirname(context.filename), spec)).split(sep)[0];
      if (!(to in LAYERS) || allowed.includes(to)) return;
      context.report({ node, messageId: 'wrongWay', data: { from, to, allowed: allowed.map((l) => `${l}/`).join(', ') } });
    });
  },
};

/** Node's synchronous file-system functions (readFileSync, existsSync, statSync…). */
const FS_SYNC = new Set(Object.keys(fs).filter((k) => k.endsWith('Sync')));
const FS_MODULES = new Set(['fs', 'node:fs', 'graceful-fs', 'fs-extra']);

const noSyncFsRule = {
  meta: {
    type: 'problem',
    schema: [{ type: 'object', properties: { allow: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } } }, additionalProperties: false }],
    messages: { sync: '{{name}} blocks the main process while the disk works: use the promise version (node:fs/promises) or move the work to a worker.' },
  },
  create(context) {
    const file = relative(root, context.filename).split(sep).join('/');
    const allowed = new Set(context.options[0]?.allow?.[file] ?? []);
    const flag = (node, name) => {
      if (!allowed.has(name)) context.report({ node, messageId: 'sync', data: { name } });
    };
    return {
      // `import { readFileSync } from 'node:fs'`, and our own sync walkers (`findPostFilesSync`).
      ImportSpecifier(node) {
        const name = node.imported.name ?? node.imported.value;
        if (name.endsWith('Sync') && (FS_MODULES.has(node.parent.source.value) || node.parent.source.value.startsWith('.'))) flag(node, name);
      },
      // `fs.statSync(p)`, whatever the namespace is called.
      'CallExpression > MemberExpression.callee'(node) {
        if (!node.computed && FS_SYNC.has(node.property.name)) flag(node, node.property.name);
      },
    };
  },
};

const postwright = { rules: { layers: layersRule, 'no-sync-fs': noSyncFsRule } };

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'content/**', 'tests/.tmp/**', 'test-results/**', 'playwright-report/**', 'coverage/**', '**/.scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { postwright },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-empty': ['error', { allowEmptyCatch: true }],
      'postwright/layers': 'error',
    },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['electron'], patterns: nodeImports }],
    },
  },
  {
    // The engine runs in the window and, on jsdom, in the CLI: the jsdom adapter lives on the
    // CLI side (electron/cli/install-dom.ts).
    files: ['engine/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['electron', 'jsdom'], patterns: nodeImports }],
    },
  },
  {
    files: ['renderer/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['electron'], patterns: nodeImports }],
    },
  },
  {
    files: ['electron/**', 'tests/**', 'bin/**'],
    ignores: ['electron/shell/**', 'tests/e2e/electron*.spec.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['electron'] }],
    },
  },
  {
    files: ['electron/services/**'],
    rules: {
      'postwright/no-sync-fs': ['error', {
        allow: {
          // Files that run only in the disk worker thread (electron/services/worker/): there a
          // *Sync call blocks no window and no IPC call, and for thousands of small files one
          // synchronous call each is several times faster than a promise each on libuv's four
          // threads. The rule below keeps the rest of the main process from loading them.
          'electron/services/frontmatter/site-fields.ts': ['readFileSync', 'statSync', 'findPostFilesSync'],
          'electron/services/search/read-doc.ts': ['closeSync', 'fstatSync', 'openSync', 'readFileSync'],
          'electron/services/search/search-service.ts': ['existsSync', 'findPostRelsSync', 'lstatSync'],
          // Still synchronous, for a reason (delete an entry when its reason goes):
          // - git/apply-tree.ts, safe-write.ts: the symlink and unsaved-work checks run right
          //   before each write with no await in between, so nothing can swap a folder for a link
          //   between the check and the write (a tree from a remote is hostile input).
          // - git/worktree-hash.ts, scan-posts.ts, post-state.ts: the stat-cached walk behind git
          //   status (in the disk worker) and Save version; one lstat per file is the cost budget
          //   of a 10,000-post status, and a promise each is several times slower.
          // - site/list-posts.ts, post-walk.ts: run in the disk worker (the post list); the walk's
          //   findPostFiles is the async one for the main process.
          // Only the names listed are allowed, and only in that file.
          'electron/services/git/apply-tree.ts': ['lstatSync', 'mkdirSync', 'readdirSync', 'rmdirSync', 'unlinkSync', 'symlinkSync', 'readlinkSync', 'chmodSync'],
          'electron/services/git/post-state.ts': ['lstatSync'],
          // git/index-stats.ts: read once by the status walk above, inside its synchronous hashing.
          'electron/services/git/index-stats.ts': ['readFileSync', 'statSync'],
          'electron/services/git/safe-write.ts': ['lstatSync', 'readFileSync', 'readlinkSync'],
          'electron/services/git/scan-posts.ts': ['lstatSync', 'readdirSync'],
          'electron/services/git/parallel-lstat.ts': ['lstatSync'],
          'electron/services/git/worktree-hash.ts': ['lstatSync', 'readFileSync', 'readdirSync', 'readlinkSync'],
          'electron/services/site/list-posts.ts': ['readdirSync', 'readFileSync', 'openSync', 'fstatSync', 'readSync', 'closeSync', 'lstatSync', 'findPostRelsSync'],
          'electron/services/site/post-walk.ts': ['lstatSync', 'readdirSync', 'statSync'],
        },
      }],
    },
  },
  {
    // The disk worker's own services are reached from the main process only through the worker's
    // facade (electron/services/worker/site-disk-worker.ts); types may be imported anywhere.
    files: ['electron/**'],
    ignores: ['electron/services/worker/**', 'electron/services/search/**', 'electron/services/frontmatter/site-fields.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [{
          group: ['**/frontmatter/site-fields', '**/search/search-service', '**/search/read-doc'],
          allowTypeImports: true,
          message: 'This service runs in the disk worker thread: use diskWorker(app) (electron/handlers/disk-worker.ts).',
        }],
      }],
    },
  },
);
