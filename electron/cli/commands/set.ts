// `postwright set <file> <key>=<yaml value>... [--unset <key>]`: changes front-matter fields
// through the same engine as the form, so only the named fields' lines change. Values are read
// as YAML (`draft=true` is a boolean, `tags=[a, b]` a list, `date=2025-12-02` stays text).
// Nested keys use dots (`menu.main.weight=3`). The file is written atomically, keeping its BOM
// and line endings; on any problem nothing is written.
import { readFile } from 'node:fs/promises';
import { parseDocument } from 'yaml';
import { decodeUtf8Strict } from '../../services/posts/decode';
import { writeFileAtomic } from '../../services/fs/atomic-write';
import { editPostFrontMatter, type FieldEdit } from '../../../shared/frontmatter/post-edit';
import { parseKeyPath } from '../../../shared/frontmatter/values';

export const summary = 'edit front-matter fields in place';

const USAGE = 'Usage: postwright set <file> <key>=<yaml value>... [--unset <key>]\n';

export function parseSetArgs(argv: string[]): { file: string; edits: FieldEdit[] } {
  let file: string | null = null;
  const edits: FieldEdit[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--unset') {
      const key = argv[++i];
      if (!key) throw new Error('--unset needs a field name.');
      edits.push({ path: keyPath(key), value: undefined });
    } else if (a.startsWith('--unset=')) {
      edits.push({ path: keyPath(a.slice(8)), value: undefined });
    } else if (a.startsWith('--')) {
      throw new Error(`Unknown option "${a}".`);
    } else if (file === null) {
      file = a;
    } else {
      const eq = a.indexOf('=');
      if (eq <= 0) throw new Error(`"${a}" should look like name=value.`);
      edits.push({ path: keyPath(a.slice(0, eq)), value: yamlValue(a.slice(eq + 1), a.slice(0, eq)) });
    }
  }
  if (!file) throw new Error('Which file? Give the post’s path first.');
  if (edits.length === 0) throw new Error('Nothing to change: give at least one name=value or --unset name.');
  return { file, edits };
}

function keyPath(text: string): string[] {
  const path = parseKeyPath(text);
  if (path.length === 0) throw new Error(`"${text}" is not a field name.`);
  return path;
}

function yamlValue(text: string, key: string): unknown {
  const doc = parseDocument(text, { schema: 'core' });
  if (doc.errors.length) throw new Error(`The value for "${key}" is not valid YAML: ${doc.errors[0].message.split('\n')[0]}`);
  const v: unknown = doc.toJS();
  return v === undefined ? null : v;
}

export async function run(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE);
    return 0;
  }
  try {
    const { file, edits } = parseSetArgs(argv);
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch {
      throw new Error(`"${file}" could not be read. Check the path.`);
    }
    const { text, bom } = decodeUtf8Strict(bytes, file);
    const next = editPostFrontMatter(text, edits);
    if (next === text) {
      process.stdout.write(`${file}: nothing changed\n`);
      return 0;
    }
    await writeFileAtomic(file, Buffer.from((bom ? '\uFEFF' : '') + next, 'utf8'));
    process.stdout.write(`${file}: ${edits.map((e) => e.path.join('.')).join(', ')} updated\n`);
    return 0;
  } catch (e) {
    process.stderr.write(`postwright set: ${(e as Error).message}\n${e instanceof Error && /name=value|Which file|Unknown option/.test(e.message) ? USAGE : ''}`);
    return 1;
  }
}
