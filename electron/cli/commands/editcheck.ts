// `postwright editcheck <path>... [--json] [--seed N] [--rounds N]`: types a word into every
// text block of every post (nested blocks too) at a seeded random position, saves through the
// editor's own engine (as `roundtrip` does), reads the saved text back and compares it with the
// edited document. `--rounds N` does N edits per block, each at a new position, for more edits
// on few files. Exit 0 only when every edit read back as typed. Each post is opened as the app
// opens it: the editor is told which of its site's paired shortcodes hold Markdown (the site's
// and its themes' templates, postwright.yml, the popular-themes table), so shortcode bodies
// under a site's own templates are edited as the rich text the writer sees.
import { readFile } from 'node:fs/promises';
import { decodeUtf8Strict } from '../../services/posts/decode';
import { isPostwrightError } from '../../../shared/ipc/errors';
import { splitFrontMatter } from '../../../shared/frontmatter/split';
import { collectPosts } from '../collect-posts';
import type { EditFailure } from '../checks/edit-check';

export const summary = 'type a word into every text block of every post; report any that reads back wrong';

const USAGE = 'Usage: postwright editcheck <path>... [--json] [--seed N] [--rounds N]\n';

export interface EditCheckArgs {
  paths: string[];
  json: boolean;
  seed: number;
  rounds: number;
}

export function parseEditCheckArgs(argv: string[]): EditCheckArgs {
  const out: EditCheckArgs = { paths: [], json: false, seed: 1, rounds: 1 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [name, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    if (name === '--json') out.json = true;
    else if (name === '--seed' || name === '--rounds') {
      const text = inline ?? argv[++i];
      const n = Number(text);
      if (text === undefined || !Number.isInteger(n) || (name === '--rounds' && n < 1)) {
        throw new Error(`${name} needs a whole number${name === '--rounds' ? ' of at least 1' : ''}.`);
      }
      if (name === '--seed') out.seed = n;
      else out.rounds = n;
    } else if (a.startsWith('--')) throw new Error(`Unknown option "${a}".`);
    else out.paths.push(a);
  }
  if (!out.paths.length) throw new Error('Which posts? Give at least one file or folder.');
  return out;
}

export async function run(argv: string[]): Promise<number> {
  let args: EditCheckArgs;
  try {
    args = parseEditCheckArgs(argv);
  } catch (e) {
    process.stderr.write(`postwright editcheck: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const { headlessEngine } = await import('../install-dom');
  const { checkEdits, seededRandom } = await import('../checks/edit-check');
  const { shortcodeMapFor, siteRootOf } = await import('../checks/shortcode-inner');
  const maps = new Map<string | null, Awaited<ReturnType<typeof shortcodeMapFor>>>();
  const engine = await headlessEngine();
  const random = seededRandom(args.seed);
  const files: string[] = [];
  const errors: Array<{ path: string; message: string }> = [];
  for (const p of args.paths) {
    try {
      await collectPosts(p, files);
    } catch (e) {
      errors.push({ path: p, message: `Cannot read this path: ${(e as Error).message}` });
    }
  }
  let edits = 0;
  let wrong = 0;
  let otherLinesChanged = 0;
  const failures: EditFailure[] = [];
  const skipped: Array<{ file: string; reason: string }> = [];
  for (const file of files) {
    try {
      const { text } = decodeUtf8Strict(await readFile(file), file);
      const body = text.slice(splitFrontMatter(text).bodyOffset);
      const site = siteRootOf(file);
      if (!maps.has(site)) maps.set(site, await shortcodeMapFor(site));
      engine.core.shortcodeInner = maps.get(site);
      const r = checkEdits(engine, file, body, random, args.rounds);
      edits += r.edits;
      wrong += r.wrong;
      otherLinesChanged += r.otherLinesChanged;
      failures.push(...r.failures);
      if (r.skipped) skipped.push({ file, reason: r.skipped });
      if (!args.json) for (const f of r.failures) process.stdout.write(`wrong\t${f.file}\t${f.block}\n`);
    } catch (e) {
      const message = isPostwrightError(e) ? e.message : (e as Error).message;
      errors.push({ path: file, message });
      if (!args.json) process.stdout.write(`error\t${file}\t${message}\n`);
    }
  }
  engine.core.shortcodeInner = undefined;
  await engine.destroy();
  if (args.json) {
    process.stdout.write(JSON.stringify({ files: files.length, edits, wrong, otherLinesChanged, failures, skipped, errors, seed: args.seed }) + '\n');
  } else {
    process.stdout.write(
      `${files.length} files, ${edits} edits: ${wrong} read back wrong, ${otherLinesChanged} changed other lines too; ${skipped.length} files not editable, ${errors.length} errors (seed ${args.seed})\n`,
    );
  }
  return wrong === 0 && errors.length === 0 ? 0 : 1;
}
