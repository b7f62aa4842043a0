// Words, characters and reading time of a post or of a selection, counted on the text a reader
// sees (no Markdown marks, link targets, shortcodes or HTML tags). Words are found with
// Intl.Segmenter, so Chinese and Japanese, written without spaces, are counted too.
import { splitFrontMatter } from '../frontmatter/split';
import { markdownLines, plainInline } from './markdown-lines';

export interface TextStats {
  words: number;
  /** User-perceived characters (an emoji with its modifiers counts as one). */
  characters: number;
  charactersNoSpaces: number;
  /** Whole minutes, at least 1 for any text; 0 for none. */
  readingMinutes: number;
}

/** Reading speeds used by most blog engines: words a minute, and CJK characters a minute. */
const WORDS_PER_MINUTE = 230;
const CJK_PER_MINUTE = 500;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** Reader-visible text of Markdown, line structure kept. */
export function visibleText(markdown: string): string {
  return markdownLines(markdown)
    .filter((l) => !l.inComment && !/^ {0,3}(`{3,}|~{3,})/.test(l.text))
    .map((l) => {
      if (l.inCode) return l.text;
      if (/^ {0,3}\[[^\]]+\]:\s/.test(l.text)) return ''; // link reference definitions
      if (/^ {0,3}(=+|-+|\*{3,}|_{3,})\s*$/.test(l.text)) return ''; // setext underlines, rules
      const t = l.text
        .replace(/^ {0,3}#{1,6}\s+/, '')
        .replace(/^\s*(?:>\s?)+/, '')
        .replace(/^\s*(?:[-*+]|\d+[.)])\s+(\[[ xX]\]\s+)?/, '')
        .replace(/\|/g, ' ');
      return plainInline(t);
    })
    .join('\n');
}

const wordSegmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter(undefined, { granularity: 'word' }) : null;
const graphemeSegmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;

function countWords(text: string): { words: number; cjk: number } {
  let words = 0;
  let cjk = 0;
  if (wordSegmenter) {
    for (const s of wordSegmenter.segment(text)) {
      if (!s.isWordLike) continue;
      if (CJK.test(s.segment)) cjk += [...s.segment].length;
      else words++;
    }
  } else {
    words = (text.match(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu) ?? []).length;
  }
  return { words, cjk };
}

function countGraphemes(text: string): number {
  if (!graphemeSegmenter) return [...text].length;
  let n = 0;
  for (const _ of graphemeSegmenter.segment(text)) n++;
  return n;
}

/** Counts for Markdown text (a body or a selection). */
export function textStats(markdown: string): TextStats {
  const text = visibleText(markdown);
  const { words, cjk } = countWords(text);
  const characters = countGraphemes(text.replace(/\n+/g, ' ').trim());
  const charactersNoSpaces = countGraphemes(text.replace(/\s+/g, ''));
  const minutes = words / WORDS_PER_MINUTE + cjk / CJK_PER_MINUTE;
  return {
    words: words + cjk,
    characters,
    charactersNoSpaces,
    readingMinutes: words + cjk === 0 ? 0 : Math.max(1, Math.round(minutes)),
  };
}

/** Counts for a whole post file: the front matter is not part of what readers read. */
export function postStats(raw: string): TextStats {
  const { bodyOffset, error } = splitFrontMatter(raw);
  return textStats(error ? raw : raw.slice(bodyOffset));
}
