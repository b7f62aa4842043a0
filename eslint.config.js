// Lint rules keep the layers apart (as VS Code does): shared/ is pure (no Node, no DOM, no
// electron), only electron/shell/ may import `electron`, and the renderer never imports Node.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'stream', 'url', 'worker_threads', 'zlib', 'util', 'events', 'readline', 'buffer', 'process'];
const nodeImports = nodeBuiltins.flatMap((m) => [m, `node:${m}`, `${m}/*`, `node:${m}/*`]);

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'content/**', 'tests/.tmp/**', 'test-results/**', 'playwright-report/**', 'coverage/**', '**/.scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['electron', ...nodeImports], patterns: ['**/electron/**', '**/renderer/**'] }],
    },
  },
  {
    files: ['renderer/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['electron', ...nodeImports], patterns: ['**/electron/**'] }],
    },
  },
  {
    files: ['electron/**', 'tests/**', 'bin/**'],
    ignores: ['electron/shell/**', 'tests/e2e/electron*.spec.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['electron'] }],
    },
  },
);
