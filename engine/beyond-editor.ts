// Text the editor cannot show in reasonable time, found before parsing: lists nested hundreds
// of levels deep (micromark's work grows with the cube of the depth: 500 levels took 7 s and
// 1,000 overflowed the stack) and single lines of a million characters or more (one paragraph
// parsed in one go: a 5 MB line took about 14 s). No real post comes near either; a hostile or
// broken file gets a plain message instead of a frozen window, and its text stays as on disk.

/** A list item indented by 400 spaces or more: 200 levels of nesting at two spaces a level. */
const DEEP_LIST_ITEM = /(?:^|\n)[ \t]{400,}(?:[-*+]|\d{1,9}[.)])[ \t]/;
const LONGEST_LINE = 1_000_000;

/** Why the editor should not open `body`, in plain words, or null. */
export function beyondEditor(body: string): string | null {
  if (DEEP_LIST_ITEM.test(body)) return 'its lists are nested hundreds of levels deep';
  let start = 0;
  while (start < body.length) {
    let end = body.indexOf('\n', start);
    if (end === -1) end = body.length;
    if (end - start >= LONGEST_LINE) return 'it has a line of more than a million characters';
    start = end + 1;
  }
  return null;
}
