// gray-matter, made safe for posts from anywhere. Its stock engines include `js`/`javascript`
// (which `eval`s the front matter of a `---js` file) and `coffee`; here they are replaced by
// engines that refuse, both in our options and in gray-matter's shared engine table, so no other
// caller in the process can run a post's code either. gray-matter also caches results by
// content when called without options and hands back the cached object, so one caller's edit
// would leak into the next post with the same text: we always pass options (no caching) and
// copy the data we return.
import matter from 'gray-matter';
import { parseFrontMatter } from '../../../shared/frontmatter/parse';

export class CodeInFrontMatterError extends Error {
  constructor(language: string) {
    super(`This post's front matter is marked as "${language}" code. Postwright never runs code from a post; Hugo only reads YAML (---), TOML (+++) or JSON ({ }).`);
    this.name = 'CodeInFrontMatterError';
  }
}

const refuse = (language: string) => ({
  parse(): object {
    throw new CodeInFrontMatterError(language);
  },
  stringify(): string {
    throw new CodeInFrontMatterError(language);
  },
});

const CODE_LANGUAGES = ['js', 'javascript', 'coffee', 'coffeescript', 'cson'];
const engineTable = (matter as unknown as { engines: Record<string, unknown> }).engines;
for (const lang of CODE_LANGUAGES) engineTable[lang] = refuse(lang);

/** Our own parsers, so dates stay the strings written (gray-matter's js-yaml makes Date objects). */
function engine(format: 'yaml' | 'toml' | 'json') {
  return (text: string): object => {
    const r = parseFrontMatter(format, text);
    if (r.error) throw new Error(r.error.message);
    return r.fields;
  };
}

function options(delimiters: string, language: string) {
  return {
    delimiters,
    language,
    engines: {
      yaml: engine('yaml'),
      toml: engine('toml'),
      json: engine('json'),
      ...Object.fromEntries(CODE_LANGUAGES.map((l) => [l, refuse(l)])),
    },
  };
}

/**
 * The language named right after an opening `---` (`---js`, `---yaml`), as gray-matter reads
 * it, or '' when the delimiter line is plain.
 */
export function declaredLanguage(text: string): string {
  const start = text.replace(/^(?:[ \t]*\r?\n)+/, '');
  if (!start.startsWith('---')) return '';
  return matter.language(start, options('---', 'yaml')).name.toLowerCase();
}

export function isCodeLanguage(language: string): boolean {
  return CODE_LANGUAGES.includes(language);
}

/**
 * gray-matter's own reading of a post (data copied, never cached), used to cross-check the
 * byte-exact splitter. Throws CodeInFrontMatterError for code front matter.
 */
export function grayMatterRead(text: string, format: 'yaml' | 'toml' | 'json'): { language: string; matter: string; data: Record<string, unknown> } {
  const delims = format === 'toml' ? '+++' : '---';
  const start = text.replace(/^(?:[ \t]*\r?\n)+/, '');
  const file = matter(start, options(delims, format));
  return { language: file.language, matter: file.matter, data: structuredClone(file.data) as Record<string, unknown> };
}
