// The post drawn without Hugo: Markdown rendered to React elements (never to an HTML string),
// shortcodes as cards, raw HTML shown as text, and only the site's own images loaded. Used
// where hugo is not installed, or when it cannot build the site.
import { useMemo, type ReactNode } from 'react';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Nodes, Root } from 'mdast';
import { splitFrontMatter } from '../../shared/frontmatter/split';
import { resolveImageSrc, type SiteLayout } from '../../shared/images';
import { extractShortcodes, OPEN, CLOSE, type ShortcodeCall } from './shortcodes';

interface Props {
  /** The whole post (front matter is skipped; its title is shown). */
  raw: string;
  /** Content-relative path of the post, to resolve its images. */
  postPath: string;
  /** URL under which a site-relative file is shown (`api.assetUrl`). */
  assetUrl(sitePath: string): string;
  title?: string;
  layout?: SiteLayout;
}

const DEFAULT_LAYOUT: SiteLayout = { contentDir: 'content', staticDir: 'static' };
const SAFE_HREF = /^(https?:|mailto:|#|\/|\.{0,2}\/|[\w-]+(\/|\.|$))/i;

export function BuiltinPreview({ raw, postPath, assetUrl, title, layout = DEFAULT_LAYOUT }: Props) {
  const { tree, calls } = useMemo(() => {
    const split = splitFrontMatter(raw);
    const body = split.error ? raw : raw.slice(split.bodyOffset);
    const { text, calls } = extractShortcodes(body);
    const tree = unified().use(remarkParse).use(remarkGfm).parse(text) as Root;
    return { tree, calls };
  }, [raw]);
  const ctx: RenderContext = {
    calls,
    image: (src) => {
      const r = resolveImageSrc(src, postPath, layout);
      return r.status === 'local' && r.candidates[0] ? assetUrl(r.candidates[0]) : null;
    },
  };
  return (
    <article className="pw-writing-aid pw-preview" aria-label="Preview">
      {title && <h1>{title}</h1>}
      {render(tree, ctx, 'r')}
    </article>
  );
}

interface RenderContext {
  calls: ShortcodeCall[];
  /** URL to show a local image, or null for images from the web (never loaded). */
  image(src: string): string | null;
}

function children(node: { children: Nodes[] }, ctx: RenderContext, key: string): ReactNode[] {
  return node.children.map((c, i) => render(c, ctx, `${key}.${i}`));
}

function render(node: Nodes, ctx: RenderContext, key: string): ReactNode {
  switch (node.type) {
    case 'root':
      return <div key={key}>{children(node, ctx, key)}</div>;
    case 'paragraph': {
      // A paragraph holding only a shortcode is drawn as the card itself.
      return <p key={key}>{children(node, ctx, key)}</p>;
    }
    case 'heading': {
      const H = `h${Math.min(6, node.depth + 1)}` as 'h2';
      return <H key={key}>{children(node, ctx, key)}</H>;
    }
    case 'text':
      return <TextWithShortcodes key={key} value={node.value} ctx={ctx} />;
    case 'emphasis':
      return <em key={key}>{children(node, ctx, key)}</em>;
    case 'strong':
      return <strong key={key}>{children(node, ctx, key)}</strong>;
    case 'delete':
      return <del key={key}>{children(node, ctx, key)}</del>;
    case 'inlineCode':
      return <code key={key}>{node.value}</code>;
    case 'code':
      return (
        <pre key={key}>
          <code>{node.value}</code>
        </pre>
      );
    case 'blockquote':
      return <blockquote key={key}>{children(node, ctx, key)}</blockquote>;
    case 'list':
      return node.ordered ? (
        <ol key={key} start={node.start ?? undefined}>
          {children(node, ctx, key)}
        </ol>
      ) : (
        <ul key={key}>{children(node, ctx, key)}</ul>
      );
    case 'listItem':
      return (
        <li key={key}>
          {node.checked != null && <input type="checkbox" checked={node.checked} readOnly aria-label="Task done" />}
          {children(node, ctx, key)}
        </li>
      );
    case 'thematicBreak':
      return <hr key={key} />;
    case 'break':
      return <br key={key} />;
    case 'link': {
      const href = SAFE_HREF.test(node.url) ? node.url : undefined;
      return (
        <a key={key} href={href} target="_blank" rel="noreferrer noopener">
          {children(node, ctx, key)}
        </a>
      );
    }
    case 'image':
      return <PreviewImage key={key} src={node.url} alt={node.alt ?? ''} ctx={ctx} />;
    case 'html':
      // Raw HTML is shown, not run: the preview never executes a post's markup.
      return (
        <code key={key} className="pw-raw-html" title="HTML shown as written">
          {node.value}
        </code>
      );
    case 'table':
      return (
        <table key={key}>
          <tbody>{children(node, ctx, key)}</tbody>
        </table>
      );
    case 'tableRow':
      return <tr key={key}>{children(node, ctx, key)}</tr>;
    case 'tableCell':
      return <td key={key}>{children(node, ctx, key)}</td>;
    default:
      // Footnotes, definitions, link references...: their text, plainly.
      return 'children' in node ? <span key={key}>{children(node as { children: Nodes[] }, ctx, key)}</span> : 'value' in node ? String(node.value) : null;
  }
}

function PreviewImage({ src, alt, ctx }: { src: string; alt: string; ctx: RenderContext }) {
  const url = ctx.image(src);
  if (!url) {
    return (
      <span className="pw-preview-remote" role="img" aria-label={alt || 'Image from the web'}>
        Image from the web, not loaded in the preview: {src}
      </span>
    );
  }
  return <img src={url} alt={alt} />;
}

function TextWithShortcodes({ value, ctx }: { value: string; ctx: RenderContext }) {
  if (!value.includes(OPEN)) return <>{value}</>;
  const parts: ReactNode[] = [];
  const re = new RegExp(`${OPEN}(\\d+)${CLOSE}`, 'g');
  let pos = 0;
  for (const m of value.matchAll(re)) {
    if (m.index > pos) parts.push(value.slice(pos, m.index));
    const call = ctx.calls[Number(m[1])];
    if (call) parts.push(<ShortcodeCard key={m.index} call={call} ctx={ctx} />);
    pos = m.index + m[0].length;
  }
  if (pos < value.length) parts.push(value.slice(pos));
  return <>{parts}</>;
}

function ShortcodeCard({ call, ctx }: { call: ShortcodeCall; ctx: RenderContext }) {
  if (call.closing) {
    return <span className="pw-shortcode-end" aria-label={`End of ${call.name}`}>end of {call.name}</span>;
  }
  const a = call.attrs;
  if (call.name === 'figure' || call.name === 'image') {
    const caption = a.caption ?? a.title;
    return (
      <span className="pw-shortcode pw-shortcode-figure" role="figure" aria-label={caption || a.alt || 'Figure'}>
        {a.src ? <PreviewImage src={a.src} alt={a.alt ?? ''} ctx={ctx} /> : null}
        {caption && <span className="pw-shortcode-caption">{caption}</span>}
      </span>
    );
  }
  const summary: Record<string, string> = {
    youtube: `YouTube video ${a.id ?? a['0'] ?? ''}`,
    vimeo: `Vimeo video ${a.id ?? a['0'] ?? ''}`,
    tweet: 'A post on X (Twitter)',
    x: 'A post on X (Twitter)',
    instagram: 'An Instagram post',
    gist: `GitHub gist ${a['0'] ?? ''} ${a['1'] ?? ''}`,
    ref: `Link to ${a['0'] ?? ''}`,
    relref: `Link to ${a['0'] ?? ''}`,
  };
  const label = summary[call.name] ?? call.name;
  const details = Object.entries(a).filter(([k]) => !/^\d+$/.test(k) || !summary[call.name]);
  return (
    <span className={`pw-shortcode pw-shortcode-${call.name.replace(/[^\w-]/g, '')}`} role="group" aria-label={`Shortcode ${call.name}`}>
      <span className="pw-shortcode-name">{label.trim()}</span>
      {details.length > 0 && (
        <span className="pw-shortcode-attrs">
          {details.map(([k, v]) => (
            <span key={k}>
              {/^\d+$/.test(k) ? v : `${k}: ${v}`}
            </span>
          ))}
        </span>
      )}
    </span>
  );
}
