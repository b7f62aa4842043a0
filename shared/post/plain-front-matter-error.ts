// A front-matter parser's message in a writer's words, with the line of the file it is on. The
// YAML and TOML readers speak of "scalars", "mapping entries" and "streams"; a writer needs to
// know which line and what to look for there.
const PLAIN: Array<[RegExp, string]> = [
  // The parser notices an open quote only where the text ends: say where it is still open.
  [/double quoted scalar/i, 'A text that opens with a double quote (") is not closed: it is still open at line {line}'],
  [/single quoted scalar/i, "A text that opens with a single quote (') is not closed: it is still open at line {line}"],
  [/bad indentation of a mapping entry/i, 'a line is indented differently from the others, or a value holds a colon (:) and needs quotes around it'],
  [/bad indentation of a sequence entry/i, 'a list item ("- …") is indented differently from the others'],
  [/duplicated mapping key/i, 'the same field is there twice'],
  [/implicit key|block mapping entry|end of the stream or a document separator is expected/i, 'a line does not read as "field: value" (a colon may be missing)'],
  [/unexpected end of the stream/i, 'the text ends in the middle of a value'],
  [/flow collection|missed comma between flow collection entries/i, 'a list in [ ] or { } is not closed, or misses a comma'],
  [/tab characters must not be used|tab/i, 'a line is indented with a tab; use spaces'],
  [/invalid TOML|TOML/i, 'a line does not read as field = value'],
  [/JSON/i, 'the fields are not valid JSON'],
];

/**
 * `message` as the parser said it, with its position in the front matter as "(line:column)" when
 * the parser gave one; `firstLine` is the file line the front matter starts on (1-based).
 */
export function plainFrontMatterError(message: string, firstLine: number): string {
  const at = /\((\d+):(\d+)\)/.exec(message) ?? /line (\d+), column (\d+)/i.exec(message);
  const plain = PLAIN.find(([re]) => re.test(message))?.[1];
  const what = plain ?? message.replace(/\s*\(\d+:\d+\)\s*$/, '').replace(/\.$/, '');
  const line = at ? firstLine + Number(at[1]) - 1 : null;
  if (what.includes('{line}')) return `${what.replace('{line}', String(line ?? '?'))}.`;
  return line !== null ? `Line ${line}: ${what}.` : `${what.charAt(0).toUpperCase()}${what.slice(1)}.`;
}
