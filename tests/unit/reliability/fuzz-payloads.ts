// Payload generators for the IPC fuzz test: anything at all, objects shaped like each channel's
// request with hostile values in its fields, and path-shaped strings that try to leave the site.
import fc from 'fast-check';
import type { z } from 'zod';

export interface PathContext {
  siteRoot: string;
  outsideDir: string;
  canary: string;
  /** Hashes of real posts, so some saves are valid and exercise the write path. */
  hashes: string[];
}

export function pathStrings(c: PathContext): string[] {
  return [
    'blog/a/index.md', 'b.md', 'blog/a', 'blog', '', '.', '..', '../', '/', '//', ' ',
    'content/blog/a/index.md', 'content/blog/a/photo.png', 'static/images/logo.png', 'blog/a/photo.png',
    'link-out.md', 'linkdir/canary.md', 'content/link-out.md', 'content/linkdir/canary.md', 'linkdir',
    '../hugo.toml', '../hugo.toml.md', '../../../../../../etc/passwd', '../../../etc/passwd.md',
    'blog/a/../../../outside.md', 'blog/../../x.md', './././b.md', 'blog//a///index.md',
    '..\\..\\windows\\win.ini', 'C:\\Windows\\win.ini.md', 'C:/x.md', '\\\\server\\share\\x.md',
    '%2e%2e/%2e%2e/etc/passwd.md', '..%2f..%2fx.md', 'file:///etc/passwd', '~/x.md', '$HOME/x.md',
    'a\0.md', '\0', 'b.md\0.png', 'b.md\n', '\u202Eb.md', 'CON.md', 'nul.md', 'b.MD', 'B.md',
    `${'x'.repeat(300)}.md`, `${'deep/'.repeat(200)}x.md`, 'x'.repeat(70_000),
    c.canary, `${c.canary}.md`, c.outsideDir, `${c.outsideDir}/`, c.siteRoot, `${c.siteRoot}/content/b.md`,
    `${c.siteRoot}/../${c.outsideDir.split('/').pop()}/canary.md`, '/etc/passwd', '/etc/passwd.md', '/proc/self/environ',
    '/dev/zero.md', '/dev/random', 'http://lanternfish.example/x.md', 'https://127.0.0.1:1/x',
    // Names Windows keeps for devices or trims (issue 17.9), and posts that do not exist (17.10).
    'blog/lpt1/index.md', 'lpt1.md', 'AUX.md', 'blog/con/index.md', 'com1', 'CON.md', 'Con .md', 'blog.', 'blog ',
    'nul.tar.gz', 'con.png', 'LPT9.PNG', 'blog/missing/index.md', 'gone.md',
    ...c.hashes,
  ];
}

export function payloadArbitrary(schema: z.ZodType, c: PathContext): fc.Arbitrary<unknown> {
  const path = fc.constantFrom(...pathStrings(c));
  const text = fc.oneof(
    { weight: 4, arbitrary: path },
    { weight: 2, arbitrary: fc.string() },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 50 }) },
    { weight: 1, arbitrary: fc.constantFrom('---\ntitle: fuzz\n---\nbody\n', '\uFEFF', '<script>console.log(1)</script>', '{{< x >}}') },
  );
  const value: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
    v: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      text,
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constantFrom(null, undefined, -1, 0, 1e308, Number.NaN, Number.MAX_SAFE_INTEGER, 2 ** 31),
      fc.array(tie('v'), { maxLength: 4 }),
      fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'prototype', 'path')), tie('v'), { maxKeys: 4 }),
    ),
  })).v;
  const shape = (schema as unknown as { shape?: Record<string, z.ZodType> }).shape ?? {};
  const keys = Object.keys(shape);
  const field = (k: string): fc.Arbitrary<unknown> => {
    if (k === 'files') {
      return fc.array(fc.record({ name: fc.oneof(path, fc.string()), dataBase64: fc.oneof(fc.base64String({ maxLength: 200 }), fc.constant(TINY_PNG)) }), { maxLength: 3 });
    }
    if (k === 'partial') return fc.dictionary(fc.constantFrom('theme', 'imageMaxSize', 'authorEmail', 'authorName', 'spellCheckLanguage', 'updateChecks', 'x'), value, { maxKeys: 3 });
    // Names and emails that would split a version's author line (issue 17), next to valid ones.
    if (k === 'name' || k === 'email' || k === 'authorName') {
      return fc.oneof(fc.constantFrom('a\nb', 'Mara\r\nQuill', 'x\u0000y', 'Mara <m@x.example>', '\u2028', 'Mara Quill', 'mara@lanternfish.example'), text);
    }
    // Remote addresses: plain http to another computer must be refused; loopback and https pass.
    if (k === 'url') {
      return fc.oneof(
        fc.constantFrom('http://git.lanternfish.example/site.git', 'http://127.0.0.2:1/x.git', 'http://user:pw@10.0.0.1/x.git', 'file:///etc', 'ssh://git@x/y', 'https://127.0.0.1:1/x.git', 'http://127.0.0.1:1/x.git', 'javascript:alert(1)'),
        text,
      );
    }
    // Mostly the right type with a hostile value, so most calls get past validation into the handler.
    return fc.oneof({ weight: 4, arbitrary: typed(shape[k], text, value) }, { weight: 1, arbitrary: value });
  };
  const fields = Object.fromEntries(keys.map((k) => [k, field(k)]));
  const shaped = keys.length ? fc.record(fields) : fc.constant({});
  const someFields = keys.length ? fc.record(fields, { requiredKeys: [] }) : fc.constant({});
  const withExtras = shaped.chain((o) => fc.dictionary(fc.string(), value, { maxKeys: 2 }).map((extra) => ({ ...extra, ...(o as object) })));
  return fc.oneof(
    { weight: 2, arbitrary: fc.anything({ withObjectString: true, withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true }) },
    { weight: 6, arbitrary: shaped },
    { weight: 1, arbitrary: someFields },
    { weight: 1, arbitrary: withExtras },
    { weight: 1, arbitrary: fc.constantFrom(undefined, null, 0, '', [], 'readPost', { path: { toString: 'x' } }) },
  );
}

/** Values of the type a zod schema expects (strings from the hostile text pool). */
function typed(schema: z.ZodType, text: fc.Arbitrary<unknown>, value: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const def = (schema as unknown as { def: { type: string; innerType?: z.ZodType; element?: z.ZodType; entries?: Record<string, unknown>; values?: unknown[]; shape?: Record<string, z.ZodType> } }).def;
  switch (def.type) {
    case 'string':
      return text;
    case 'number':
      return fc.oneof(fc.integer({ min: -5, max: 5000 }), fc.constantFrom(0, 1, 40, 1e9, -1));
    case 'boolean':
      return fc.boolean();
    case 'optional':
    case 'nullable':
    case 'default':
      return fc.oneof(fc.constant(def.type === 'nullable' ? null : undefined), typed(def.innerType!, text, value));
    case 'array':
      return fc.array(typed(def.element!, text, value), { maxLength: 4 });
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries ?? {}));
    case 'literal':
      return fc.constantFrom(...(def.values ?? [null]));
    case 'object':
      return fc.record(Object.fromEntries(Object.entries(def.shape ?? {}).map(([k, v]) => [k, typed(v, text, value)])));
    default:
      return value;
  }
}

/** A valid 1x1 PNG, so some imports get as far as writing into the site. */
const TINY_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
