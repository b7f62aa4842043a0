// An <img> for a site image that may be missing: its URL is held back while the app says the
// file is missing (loading it would only fetch a 404), and set once the file is there
// (missing-images.ts looks again after every refresh).

/** Points `img` at `url`, or holds the URL back while `src` is missing. */
export function setImageSource(img: HTMLImageElement, url: string, src: string, isMissing?: (src: string) => boolean): void {
  if (isMissing?.(src)) {
    img.removeAttribute('src');
    img.dataset.deferredSrc = url;
    img.dataset.refSrc = src;
  } else {
    delete img.dataset.deferredSrc;
    img.src = url;
  }
}
