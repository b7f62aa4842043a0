// YouTube and Vimeo shortcodes take a video's ID, but a writer has the video's address: the
// address pasted into the field is turned into the ID Hugo's youtube/vimeo shortcodes expect.

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
const VIMEO_ID = /^\d{5,12}$/;

/** The video's ID from an ID or any common address of it; null when it is neither. */
export function videoIdFrom(kind: 'youtube' | 'vimeo', input: string): string | null {
  const text = input.trim();
  if (kind === 'youtube') {
    if (YOUTUBE_ID.test(text)) return text;
    const url = parseUrl(text);
    if (!url) return null;
    const host = url.hostname.replace(/^(www|m|music)\./, '');
    let id: string | null = null;
    if (host === 'youtu.be') id = url.pathname.split('/')[1] ?? null;
    else if (host === 'youtube.com' || host === 'youtube-nocookie.com') {
      id = url.searchParams.get('v') ?? /^\/(?:embed|shorts|live|v)\/([^/?#]+)/.exec(url.pathname)?.[1] ?? null;
    }
    return id && YOUTUBE_ID.test(id) ? id : null;
  }
  if (VIMEO_ID.test(text)) return text;
  const url = parseUrl(text);
  if (!url || !/^(?:www\.|player\.)?vimeo\.com$/.test(url.hostname)) return null;
  // vimeo.com/76979871, player.vimeo.com/video/76979871, vimeo.com/channels/staffpicks/76979871
  const id = url.pathname.split('/').reverse().find((s) => VIMEO_ID.test(s));
  return id ?? null;
}

function parseUrl(text: string): URL | null {
  try {
    const url = new URL(/^[a-z]+:\/\//i.test(text) ? text : `https://${text}`);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}
