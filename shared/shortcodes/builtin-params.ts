// The parameters of Hugo's built-in shortcodes, by hand: their templates live inside Hugo, not
// in the site, so there is nothing to read. Kept to what a writer fills in.
import type { TemplateInfo } from './template-params';

export const BUILTIN_PARAMS: Record<string, TemplateInfo> = {
  figure: {
    params: [
      { name: 'src', type: 'image' },
      { name: 'alt', type: 'text' },
      { name: 'caption', type: 'text' },
      { name: 'title', type: 'text' },
      { name: 'link', type: 'url' },
      { name: 'width', type: 'number' },
      { name: 'height', type: 'number' },
    ],
  },
  youtube: { params: [{ name: null, position: 0, type: 'text' }] },
  vimeo: { params: [{ name: null, position: 0, type: 'text' }] },
  instagram: { params: [{ name: null, position: 0, type: 'text' }] },
  x: {
    params: [
      { name: 'user', type: 'text' },
      { name: 'id', type: 'text' },
    ],
  },
  gist: {
    params: [
      { name: null, position: 0, type: 'text' },
      { name: null, position: 1, type: 'text' },
    ],
  },
  highlight: { params: [{ name: null, position: 0, type: 'text' }] },
  details: {
    params: [
      { name: 'summary', type: 'text' },
      { name: 'open', type: 'boolean', default: 'false' },
    ],
  },
  qr: { params: [{ name: 'text', type: 'text' }] },
  ref: { params: [{ name: null, position: 0, type: 'text' }] },
  relref: { params: [{ name: null, position: 0, type: 'text' }] },
};

/** Hugo's own parameters for a built-in (own keys only: "constructor" is no shortcode). */
export function builtinParams(name: string): TemplateInfo | undefined {
  return Object.hasOwn(BUILTIN_PARAMS, name) ? BUILTIN_PARAMS[name] : undefined;
}
