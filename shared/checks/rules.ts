// The pre-publish rules, one function each, in the order the checklist shows them. Each takes
// the same input and returns its problems in plain words.
import { detectMojibake, lineOf } from '../mojibake';
import { splitFrontMatter } from '../frontmatter/split';
import { outlineOfPost } from '../text-stats/outline';
import { templateTextLeft } from './template-text';
import { DEFAULT_LIMITS, type CheckInput, type CheckLimits, type CheckProblem } from './types';

export type Rule = (input: CheckInput, limits: CheckLimits) => CheckProblem[];

/** Section pages (`_index.md`) and headless bundles are not posts: no date, tags or description. */
const isSection = (i: CheckInput) => i.kind === 'branch-bundle' || isHeadless(i);
const isHeadless = (i: CheckInput) => i.fields.headless === true;

function text(v: unknown): string {
  return typeof v === 'string' ? v.trim() : '';
}

function field(fields: Record<string, unknown>, ...names: string[]): unknown {
  for (const n of names) {
    const hit = Object.keys(fields).find((k) => k.toLowerCase() === n);
    if (hit !== undefined && fields[hit] != null) return fields[hit];
  }
  return undefined;
}

export const frontMatterRule: Rule = (i) =>
  i.frontMatterError ? [{ rule: 'front-matter', severity: 'error', message: `The post's settings at the top could not be read: ${i.frontMatterError}` }] : [];

export const titleRule: Rule = (i, lim) => {
  const title = text(field(i.fields, 'title'));
  if (!title && isHeadless(i)) return [];
  // Hugo names a section page after its folder when it has no title: worth a warning only.
  if (!title) return [{ rule: 'title', severity: i.kind === 'branch-bundle' ? 'warning' : 'error', message: 'The post has no title.' }];
  const n = [...title].length;
  if (n > lim.titleMax) {
    return [{ rule: 'title', severity: 'warning', message: `The title is ${n} characters long; search engines cut titles after about ${lim.titleMax}.` }];
  }
  return [];
};

export const descriptionRule: Rule = (i, lim) => {
  if (isSection(i)) return [];
  const d = text(field(i.fields, 'description', 'summary'));
  if (!d) return [{ rule: 'description', severity: 'warning', message: 'The post has no description. Search engines and link previews show one under the title.' }];
  const n = [...d].length;
  if (n < lim.descriptionMin) {
    return [{ rule: 'description', severity: 'warning', message: `The description is short (${n} characters); aim for ${lim.descriptionMin} to ${lim.descriptionMax}.` }];
  }
  if (n > lim.descriptionMax) {
    return [{ rule: 'description', severity: 'warning', message: `The description is long (${n} characters); search engines cut it after about ${lim.descriptionMax}.` }];
  }
  return [];
};

export const dateRule: Rule = (i) => {
  if (isSection(i)) return [];
  const d = field(i.fields, 'date', 'publishdate', 'pubdate');
  if (d == null || (typeof d === 'string' && !d.trim())) {
    return [{ rule: 'date', severity: 'warning', message: 'The post has no date, so it may be listed in the wrong place.' }];
  }
  return [];
};

export const tagsRule: Rule = (i) => {
  if (isSection(i)) return [];
  const t = field(i.fields, 'tags');
  const list = Array.isArray(t) ? t.filter((x) => String(x ?? '').trim()) : typeof t === 'string' && t.trim() ? [t] : [];
  return list.length ? [] : [{ rule: 'tags', severity: 'warning', message: 'The post has no tags. Add at least one so readers can find related posts.' }];
};

export const imagesRule: Rule = (i) => {
  const out: CheckProblem[] = [];
  for (const img of i.images) {
    if (img.exists === false) {
      out.push({ rule: 'image-missing', severity: 'error', message: `The image "${img.src}" cannot be found, so readers would see a broken picture.`, line: img.line });
    } else if (img.kind !== 'front-matter' && !(img.alt ?? '').trim()) {
      out.push({ rule: 'image-alt', severity: 'warning', message: `The image "${img.src}" has no description (alt text) for readers who cannot see it.`, line: img.line });
    }
  }
  return out;
};

export const mojibakeRule: Rule = (i) => {
  const runs = detectMojibake(i.raw);
  if (!runs.length) return [];
  const lines = [...new Set(runs.map((r) => lineOf(i.raw, r.start)))];
  const sample = runs[0];
  return [
    {
      rule: 'mojibake',
      severity: 'error',
      message: `${runs.length} garbled character${runs.length > 1 ? 's' : ''} (for example "${sample.original}" where "${sample.fixed}" was meant) on line${lines.length > 1 ? 's' : ''} ${lines.slice(0, 8).join(', ')}${lines.length > 8 ? '…' : ''}. Fix them in one click in the editor.`,
      line: lines[0],
    },
  ];
};

export const linksRule: Rule = (i) =>
  i.links
    .filter((l) => !l.exists)
    .map((l) =>
      l.kind === 'relative'
        ? { rule: 'link-broken', severity: 'warning', message: `The link to "${l.target}" points at a page that does not exist.`, line: l.line }
        : { rule: 'link-broken', severity: 'error', message: `The ${l.kind} link to "${l.target}" points at a post that does not exist; Hugo will refuse to build the site.`, line: l.line },
    );

export const emptyHeadingsRule: Rule = (i) => {
  const { error } = splitFrontMatter(i.raw);
  if (error) return [];
  return outlineOfPost(i.raw)
    .filter((h) => !h.text.trim())
    .map((h) => ({ rule: 'empty-heading' as const, severity: 'warning' as const, message: 'A heading has no text.', line: h.line }));
};

/** A sentence the archetype gave the post for the writer to replace, still there word for word. */
export const templateTextRule: Rule = (i) =>
  templateTextLeft(i.raw, i.templateSentences ?? []).map(({ text, line }) => ({
    rule: 'template-text' as const,
    severity: 'warning' as const,
    message: `“${text.length > 80 ? `${text.slice(0, 79)}…` : text}” is still the template's text.`,
    line,
  }));

export const RULES: readonly Rule[] = [frontMatterRule, titleRule, descriptionRule, dateRule, tagsRule, imagesRule, mojibakeRule, linksRule, emptyHeadingsRule, templateTextRule];

/** Every problem of a post, errors first (then in rule order). */
export function checkPost(input: CheckInput, limits: CheckLimits = DEFAULT_LIMITS): CheckProblem[] {
  const all = RULES.flatMap((r) => r(input, limits));
  return [...all.filter((p) => p.severity === 'error'), ...all.filter((p) => p.severity === 'warning')];
}
