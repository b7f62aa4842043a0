// Paired shortcodes of popular Hugo themes whose templates render their inner content as
// Markdown, for sites that pull the theme as a Hugo module not on disk (before `hugo mod get`).
// Used only for names with no template on disk (electron/services/site/shortcode-templates.ts).
// Each entry was read from the theme's own template (cited); `verified` marks the entries
// whose template was read for this table, the others follow the theme's documentation.
// 'none': the shortcode takes no inner content (listed for its parameter names only).
// Themes such as Relearn and Docsy put `.Inner` into the page as it is and ask writers for
// `{{% %}}` when it holds Markdown: their `{{< >}}` pairs are 'text'.
import type { InnerKind } from './shortcode-inner';

export interface ThemeShortcode {
  inner: InnerKind | 'none';
  /** Parameter names, for the card and the dialog. */
  params: string[];
  /** The template, in the theme's repository. */
  template: string;
  verified: boolean;
}

interface ThemeEntry {
  /** Matched against `theme` names and module paths (lower case, substring). */
  match: string[];
  repo: string;
  shortcodes: Record<string, ThemeShortcode>;
}

const md = (params: string[], template: string, verified = true): ThemeShortcode => ({ inner: 'markdown', params, template, verified });
const text = (params: string[], template: string, verified = true): ThemeShortcode => ({ inner: 'text', params, template, verified });
const none = (params: string[], template: string, verified = true): ThemeShortcode => ({ inner: 'none', params, template, verified });

export const THEME_SHORTCODES: ThemeEntry[] = [
  {
    match: ['hextra'],
    repo: 'imfing/hextra',
    shortcodes: {
      callout: md(['type', 'emoji', 'icon'], 'layouts/shortcodes/callout.html'), // $content := .InnerDeindent | markdownify
      tab: md(['name'], 'layouts/shortcodes/tab.html'), // .InnerDeindent | markdownify
      details: md(['title', 'closed'], 'layouts/shortcodes/details.html'), // .InnerDeindent | markdownify
    },
  },
  {
    match: ['hugo-book'],
    repo: 'alex-shpak/hugo-book',
    shortcodes: {
      hint: md([], 'layouts/shortcodes/hint.html'), // .Inner | .Page.RenderString (first positional: the kind)
      details: md(['title', 'open'], 'layouts/shortcodes/details.html'), // .Inner | .Page.RenderString
    },
  },
  {
    match: ['blowfish'],
    repo: 'nunocoracao/blowfish',
    shortcodes: {
      alert: md(['icon', 'cardColor', 'iconColor', 'textColor'], 'layouts/shortcodes/alert.html'), // .Inner | markdownify
    },
  },
  {
    match: ['congo'],
    repo: 'jpanther/congo',
    shortcodes: {
      alert: md([], 'layouts/shortcodes/alert.html'), // .Inner | markdownify (first positional: the icon)
    },
  },
  {
    match: ['geekdoc'],
    repo: 'thegeeklab/hugo-geekdoc',
    shortcodes: {
      hint: md([], 'layouts/shortcodes/hint.html'), // .Inner | $.Page.RenderString (first positional: the kind)
    },
  },
  {
    match: ['loveit'],
    repo: 'dillonzq/LoveIt',
    shortcodes: {
      admonition: md(['type', 'title', 'details'], 'layouts/shortcodes/admonition.html'), // $inner := .Inner | .Page.RenderString
    },
  },
  {
    match: ['fixit'],
    repo: 'hugo-fixit/FixIt',
    shortcodes: {
      admonition: md(['type', 'title', 'open'], 'layouts/_shortcodes/admonition.html'), // $inner := .Inner | .Page.RenderString
      details: md(['summary', 'open', 'class', 'name', 'title'], 'layouts/_shortcodes/details.html'), // .Inner | .Page.RenderString (dict "display" "block")
      'center-quote': md([], 'layouts/_shortcodes/center-quote.html'), // .Inner | .Page.RenderString
      style: md([], 'layouts/_shortcodes/style.html'), // $content := .Inner | .Page.RenderString (positional: the style, the tag)
      env: md([], 'layouts/_shortcodes/env.html'), // .Inner | .Page.RenderString (first positional: the environment)
      'fixit-encryptor': md(['password', 'message'], 'layouts/_shortcodes/fixit-encryptor.html'), // .Inner | strings.TrimSpace | .Page.RenderString
      tab: text(['title'], 'layouts/_shortcodes/tab.html'), // trim .Inner, then safeHTML
      tabs: text(['defaultTab', 'placement', 'type'], 'layouts/_shortcodes/tabs.html'), // .Inner as it is
      'auto-dark': text([], 'layouts/_shortcodes/auto-dark.html'), // .Inner as it is
      raw: text([], 'layouts/_shortcodes/raw.html'), // .Inner | safeHTML
      mermaid: text([], 'layouts/_shortcodes/mermaid.html'), // .Inner to the mermaid partial
      echarts: text(['width', 'height', 'js', 'async', 'data', 'file'], 'layouts/_shortcodes/echarts.html'), // .Inner as chart data
      timeline: text(['reverse', 'placement', 'animation', 'size', 'node', 'width', 'height', 'class', 'data', 'file'], 'layouts/_shortcodes/timeline.html'),
      'file-tree': text(['path', 'level', 'folderSlash', 'file', 'data', 'ignoreList', 'highlightList'], 'layouts/_shortcodes/file-tree.html'), // strings.TrimSpace .Inner as data
      typeit: text(['tag', 'class', 'group', 'loop', 'code', 'speed', 'cursorSpeed', 'cursorChar', 'duration'], 'layouts/_shortcodes/typeit.html'), // code or text typed out
      script: text([], 'layouts/_shortcodes/script.html'), // .Inner as JavaScript
      aplayer: text(['fixed', 'mini', 'autoplay', 'theme', 'loop', 'order', 'preload', 'volume', 'mutex', 'lrcType', 'listFolded', 'listMaxHeight', 'storageName'], 'layouts/_shortcodes/aplayer.html'),
      audio: text(['name', 'artist', 'url', 'cover', 'lrc', 'theme', 'type'], 'layouts/_shortcodes/audio.html'), // .Inner as lyrics
      image: none(['src', 'alt', 'caption', 'title', 'width', 'height', 'linked', 'loading', 'rel', 'class', 'optimise', 'cacheRemote'], 'layouts/_shortcodes/image.html'),
      link: none(['href', 'content', 'title', 'class', 'rel', 'download', 'card', 'card-icon', 'noreferrer', 'external-icon', 'isGuarded'], 'layouts/_shortcodes/link.html'),
      bilibili: none(['id', 'p', 'autoplay', 'poster', 'muted', 'danmaku', 't'], 'layouts/_shortcodes/bilibili.html'),
      music: none(['url', 'theme', 'cover', 'fixed', 'mini', 'autoplay', 'volume', 'mutex', 'auto', 'loop', 'order', 'list-folded', 'list-max-height'], 'layouts/_shortcodes/music.html'),
      mapbox: none(['lng', 'lat', 'zoom', 'marked', 'markers', 'light-style', 'dark-style', 'navigation', 'geolocate', 'scale', 'fullscreen', 'width', 'height'], 'layouts/_shortcodes/mapbox.html'),
      spotify: none(['type', 'id', 'width', 'height'], 'layouts/_shortcodes/spotify.html'),
      reward: none(['wechatpay', 'alipay', 'paypal', 'bitcoin', 'author', 'comment', 'mode'], 'layouts/_shortcodes/reward.html'),
      bluesky: none(['link'], 'layouts/_shortcodes/bluesky.html'),
      douyin: none(['id'], 'layouts/_shortcodes/douyin.html'),
    },
  },
  {
    match: ['docsy'],
    repo: 'google/docsy',
    shortcodes: {
      // `{{ .Inner }}` as it is: Markdown only when written {{% alert %}} (always Markdown here).
      alert: { inner: 'text', params: ['title', 'color'], template: 'layouts/shortcodes/alert.html', verified: true },
    },
  },
  {
    match: ['papermod'],
    repo: 'adityatelange/hugo-PaperMod',
    shortcodes: {
      collapse: md(['summary', 'openByDefault'], 'layouts/_shortcodes/collapse.html'), // .Inner | markdownify
      // .Inner as it is unless the `md` parameter (or the first positional) is true.
      ltr: text(['md'], 'layouts/_shortcodes/ltr.html'),
      rtl: text(['md'], 'layouts/_shortcodes/rtl.html'),
      rawhtml: text([], 'layouts/_shortcodes/rawhtml.html'), // .Inner as it is
      figure: none(['src', 'link', 'target', 'rel', 'alt', 'caption', 'title', 'attr', 'attrlink', 'align', 'class', 'width', 'height'], 'layouts/_shortcodes/figure.html'),
      inTextImg: none(['url', 'height', 'alt'], 'layouts/_shortcodes/inTextImg.html'),
      audio: none(['src'], 'layouts/_shortcodes/audio.html'),
      video: none(['src'], 'layouts/_shortcodes/video.html'),
    },
  },
  {
    // Every body goes into the page as it is (`"content" .Inner`, then safeHTML in the partial):
    // Relearn's documentation writes `{{% notice %}}` for Markdown.
    match: ['relearn'],
    repo: 'McShelby/hugo-theme-relearn',
    shortcodes: {
      notice: text(['style', 'title', 'icon', 'color', 'expanded', 'groupid'], 'layouts/shortcodes/notice.html'), // partials/shortcodes/notice.html: $content | safeHTML
      callout: text(['style', 'title', 'icon', 'color', 'expanded', 'groupid', 'hint'], 'layouts/shortcodes/callout.html'), // partials/shortcodes/callout.html: $content | safeHTML
      details: text(['summary', 'open', 'class', 'name', 'title'], 'layouts/shortcodes/details.html'), // .Inner to partials/shortcodes/notice.html
      expand: text(['title', 'open'], 'layouts/shortcodes/expand.html'), // .Inner | safeHTML (positional: title, open)
      tab: text(['name', 'title', 'style', 'color', 'icon'], 'layouts/shortcodes/tab.html'), // $content := .Inner, to the parent's tabs
      tabs: text(['groupid', 'title', 'style', 'color', 'icon'], 'layouts/shortcodes/tabs.html'),
      card: text(['title', 'href', 'icon', 'image', 'color', 'style', 'template', 'params'], 'layouts/shortcodes/card.html'), // $content := .Inner, to partials/shortcodes/cards.html
    },
  },
  {
    // Ananke's two shortcodes take no inner content.
    match: ['ananke'],
    repo: 'theNewDynamic/gohugo-theme-ananke',
    shortcodes: {
      'form-contact': none(['action'], 'layouts/_shortcodes/form-contact.html'),
      'page-index': none([], 'layouts/_shortcodes/page-index.html'),
    },
  },
  {
    match: ['hugo-theme-stack'],
    repo: 'CaiJimmy/hugo-theme-stack',
    shortcodes: {
      quote: md(['author', 'source', 'url'], 'layouts/_shortcodes/quote.html'), // .Inner | markdownify
      video: none(['src', 'poster', 'autoplay', 'muted'], 'layouts/_shortcodes/video.html'),
      youtube: none(['id', 'autoplay'], 'layouts/_shortcodes/youtube.html'),
      bilibili: none([], 'layouts/_shortcodes/bilibili.html'), // positional: the video, the part
      tencent: none([], 'layouts/_shortcodes/tencent.html'), // positional: the video
      gitlab: none([], 'layouts/_shortcodes/gitlab.html'), // positional: the snippet
    },
  },
];

/** The table's kinds for a theme name or module path, or {} when the theme is not in it. */
export function themeShortcodes(source: string): Record<string, InnerKind> {
  const key = source.toLowerCase();
  const out: Record<string, InnerKind> = {};
  for (const theme of THEME_SHORTCODES) {
    if (!theme.match.some((m) => key.includes(m))) continue;
    for (const [name, sc] of Object.entries(theme.shortcodes)) if (sc.inner !== 'none') out[name] = sc.inner;
  }
  return out;
}

/** The table's entries whose theme name or module path matches `source` (for the card's parameters). */
export function themesFor(source: string): ThemeEntry[] {
  const key = source.toLowerCase();
  return THEME_SHORTCODES.filter((theme) => theme.match.some((m) => key.includes(m)));
}

/**
 * For posts that sit in no site on disk (a folder of content files given to the CLI): what the
 * table says for every theme in it. Where themes differ, Markdown wins: one popular theme
 * renders that `{{< name >}}` body as Markdown, the richTextShare figure counts an unknown
 * shortcode's body as prose (electron/cli/checks/shortcode-inner.ts), and rich text keeps the
 * body's bytes exactly as written until the writer edits it.
 */
export function anyThemeShortcodes(): Record<string, InnerKind> {
  const out: Record<string, InnerKind> = {};
  for (const theme of THEME_SHORTCODES) {
    for (const [name, sc] of Object.entries(theme.shortcodes)) {
      if (sc.inner === 'none' || out[name] === 'markdown') continue;
      out[name] = sc.inner;
    }
  }
  return out;
}
