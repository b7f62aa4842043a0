// Card DOM for a shortcode (built with createElement/textContent only: nothing from the post is
// ever parsed as HTML). figure: the bundle image and its caption; youtube: a placeholder with
// the video id (no network); anything else: its name and parameters.
import { parseShortcode } from '../../../shared/markdown/shortcode-params';
import { siteAssetPath } from './asset-src';
import { setImageSource } from '../deferred-image';

export interface CardContext {
  postPath: string;
  assetUrl(sitePath: string): string;
  /** Missing files are not loaded (see ../deferred-image.ts). */
  isMissing?(src: string): boolean;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

export function param(value: string, names: string[], position = -1): string | null {
  const parsed = parseShortcode(value);
  if (!parsed) return null;
  for (const n of names) {
    const p = parsed.params.find((x) => x.name === n);
    if (p) return p.value;
  }
  if (position >= 0) return parsed.params.filter((x) => x.name === null)[position]?.value ?? null;
  return null;
}

/** Fills `card` with the view of shortcode `value`. */
export function renderShortcodeCard(card: HTMLElement, value: string, cx: CardContext): void {
  card.replaceChildren();
  const parsed = parseShortcode(value);
  const name = parsed?.name ?? 'shortcode';
  card.dataset.shortcode = name;
  if (name === 'figure') {
    const src = param(value, ['src'], 0);
    const path = src ? siteAssetPath(src, cx.postPath) : null;
    const fig = el('figure', 'pw-card-figure');
    if (path) {
      const img = el('img', 'pw-card-image');
      setImageSource(img, cx.assetUrl(path), src ?? '', cx.isMissing);
      img.alt = param(value, ['alt']) ?? '';
      img.loading = 'lazy';
      fig.append(img);
    } else fig.append(el('span', 'pw-card-missing', src ? `Image not shown: ${src}` : 'No image'));
    const caption = param(value, ['caption', 'title']);
    if (caption) fig.append(el('figcaption', 'pw-card-caption', caption));
    card.append(el('span', 'pw-card-name', 'figure'), fig);
    return;
  }
  if (name === 'youtube') {
    const id = param(value, ['id'], 0) ?? '';
    const box = el('div', 'pw-card-video');
    box.append(el('span', 'pw-card-play', '▶'), el('span', 'pw-card-video-id', `YouTube video ${id}`));
    card.append(el('span', 'pw-card-name', 'youtube'), box);
    return;
  }
  card.append(el('span', 'pw-card-name', name));
  const list = el('dl', 'pw-card-params');
  for (const p of parsed?.params ?? []) {
    list.append(el('dt', '', p.name ?? '·'), el('dd', '', p.value));
  }
  if (list.childElementCount) card.append(list);
  if (parsed && value.length > 0 && /\{\{[<%]\s*\//.test(value)) {
    const inner = el('pre', 'pw-card-inner', innerText(value));
    card.append(inner);
  }
}

/** The content of a paired shortcode, between its opening and closing tags. */
function innerText(value: string): string {
  const open = value.indexOf('}}');
  const close = value.lastIndexOf('{{');
  return open !== -1 && close > open ? value.slice(open + 2, close).trim() : '';
}
