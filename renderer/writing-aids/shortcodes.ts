// Hugo shortcodes in a body, for the built-in preview: each call (`{{< figure src="x" >}}`,
// `{{% note %}}`, `{{< /note >}}`) is swapped for a placeholder character pair that Markdown
// leaves alone, and the calls are kept aside to be drawn as cards.

export interface ShortcodeCall {
  name: string;
  closing: boolean;
  /** Named attributes (`src="x"`) and positional ones (`0`, `1`...). */
  attrs: Record<string, string>;
  source: string;
}

/** Private-use characters: never typed by a writer, untouched by the Markdown parser. */
export const OPEN = '\uE000';
export const CLOSE = '\uE001';
const CALL = /\{\{([<%])\s*(\/?)\s*([\w./-]+)([\s\S]*?)\s*\/?\s*[>%]\}\}/g;
const ATTR = /([\w-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|`([^`]*)`|(\S+))|"((?:[^"\\]|\\.)*)"|'([^']*)'|`([^`]*)`|(\S+)/g;

export function parseAttrs(text: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  let pos = 0;
  for (const m of text.matchAll(ATTR)) {
    if (m[1] !== undefined) attrs[m[1]] = m[2] ?? m[3] ?? m[4] ?? m[5] ?? '';
    else attrs[String(pos++)] = m[6] ?? m[7] ?? m[8] ?? m[9] ?? '';
  }
  return attrs;
}

export function extractShortcodes(markdown: string): { text: string; calls: ShortcodeCall[] } {
  const calls: ShortcodeCall[] = [];
  // `{{</* x */>}}` is Hugo's way to show a shortcode literally: keep it as text.
  const text = markdown.replace(CALL, (source, _kind: string, slash: string, name: string, rest: string) => {
    if (name.startsWith('/*') || rest.trim().startsWith('/*')) return source;
    calls.push({ name, closing: slash === '/', attrs: slash ? {} : parseAttrs(rest), source });
    return `${OPEN}${calls.length - 1}${CLOSE}`;
  });
  return { text, calls };
}
