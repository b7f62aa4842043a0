import { describe, expect, it } from 'vitest';
import { videoIdFrom } from '../../../shared/shortcodes/video-id';
import { paramLabel } from '../../../shared/shortcodes/param-label';

describe('videoIdFrom', () => {
  it('reads the YouTube ID from every common address', () => {
    for (const input of [
      'dQw4w9WgXcQ',
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      'https://youtube.com/watch?feature=share&v=dQw4w9WgXcQ&t=42',
      'https://youtu.be/dQw4w9WgXcQ?si=abc',
      'youtu.be/dQw4w9WgXcQ',
      'https://m.youtube.com/shorts/dQw4w9WgXcQ',
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
      ' https://www.youtube.com/live/dQw4w9WgXcQ ',
    ])
      expect(videoIdFrom('youtube', input), input).toBe('dQw4w9WgXcQ');
  });
  it('reads the Vimeo ID from its addresses', () => {
    for (const input of ['76979871', 'https://vimeo.com/76979871', 'https://player.vimeo.com/video/76979871?h=x', 'vimeo.com/channels/staffpicks/76979871']) expect(videoIdFrom('vimeo', input), input).toBe('76979871');
  });
  it('says null for what is no video of that site', () => {
    for (const input of ['', 'https://example.org/watch?v=dQw4w9WgXcQ', 'javascript:alert(1)', 'https://youtube.com/', 'not an id']) expect(videoIdFrom('youtube', input), input).toBeNull();
    expect(videoIdFrom('vimeo', 'https://youtube.com/watch?v=dQw4w9WgXcQ')).toBeNull();
  });
});

describe('paramLabel', () => {
  it('names positions by their meaning for Hugo built-ins, "Position N" otherwise', () => {
    expect(paramLabel('youtube', null, 0)).toBe('Video ID or address');
    expect(paramLabel('gist', null, 1)).toBe('Gist ID');
    expect(paramLabel('note', null, 0)).toBe('Position 1');
    expect(paramLabel('note', null, 1)).toBe('Position 2');
  });
  it('turns parameter names into words', () => {
    expect(paramLabel('figure', 'caption', 0)).toBe('Caption');
    expect(paramLabel('figure', 'linkTarget', 0)).toBe('Link target');
    expect(paramLabel('x', 'user_name', 0)).toBe('User name');
    expect(paramLabel('figure', 'src', 0)).toBe('Image');
  });
});
