// The text inserted for an image: Markdown or a `figure` shortcode, whichever the site's posts
// use more, in the spacing they use (`{{< figure` or `{{<figure`). No parser imported here:
// the renderer bundles this file.
export type InsertStyle = 'markdown' | 'figure' | 'figure-tight';

/** Alt text on one line, with Markdown's bracket and backslash escapes. */
function markdownAlt(alt: string): string {
  return alt.replace(/\s+/g, ' ').trim().replace(/([\\[\]])/g, '\\$1');
}

/** A quoted shortcode parameter value (Hugo accepts `\"` inside double quotes). */
function shortcodeValue(v: string): string {
  return v.replace(/\s+/g, ' ').trim().replace(/(["\\])/g, '\\$1');
}

export function imageSnippet(style: InsertStyle, src: string, alt: string): string {
  if (style === 'markdown') {
    const dest = /[\s()<>]/.test(src) ? `<${src}>` : src;
    return `![${markdownAlt(alt)}](${dest})`;
  }
  const params = `src="${shortcodeValue(src)}"` + (alt.trim() ? ` alt="${shortcodeValue(alt)}"` : '');
  return style === 'figure-tight' ? `{{<figure ${params}>}}` : `{{< figure ${params} >}}`;
}
