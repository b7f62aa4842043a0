// Posts must be UTF-8: anything else would be garbled on save. Decoding is strict so that a
// Latin-1 or binary file is refused with a plain message instead of being "repaired".
import { PostwrightError } from '../../../shared/ipc/errors';

export function decodeUtf8Strict(bytes: Uint8Array, name: string): { text: string; bom: boolean } {
  if (bytes.includes(0)) {
    throw new PostwrightError('not-utf8', `"${name}" holds binary data, not text, so Postwright will not open it.`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new PostwrightError(
      'not-utf8',
      `"${name}" is not saved as UTF-8 text (perhaps Latin-1 or Windows-1252), so Postwright opened nothing to avoid garbling it. Re-save it as UTF-8 in a text editor.`,
    );
  }
  const bom = text.charCodeAt(0) === 0xfeff;
  return { text: bom ? text.slice(1) : text, bom };
}
