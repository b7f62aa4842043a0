// The Settings dialog's form as plain data: what the fields hold (text, as typed) and how a
// filled-in form becomes settings, with a plain-words message per field that cannot be saved.
// Checked with the same schema main checks with, so the two never disagree.
import { Settings, type Theme } from '../../shared/ipc/channels/settings';

export interface SettingsDraft {
  authorName: string;
  authorEmail: string;
  spellCheckLanguage: string;
  /** As typed, so "" or "12a" can be shown back with a message. */
  imageMaxSize: string;
  theme: Theme;
  updateChecks: boolean;
}

export type DraftField = keyof SettingsDraft;
export type DraftErrors = Partial<Record<DraftField, string>>;

export const IMAGE_SIZE_MIN = 320;
export const IMAGE_SIZE_MAX = 16384;

export function draftFrom(s: Settings): SettingsDraft {
  return { ...s, imageMaxSize: String(s.imageMaxSize) };
}

export type DraftResult = { ok: true; settings: Settings } | { ok: false; errors: DraftErrors };

export function readDraft(d: SettingsDraft): DraftResult {
  const errors: DraftErrors = {};
  const authorName = d.authorName.trim();
  const authorEmail = d.authorEmail.trim();
  const size = d.imageMaxSize.trim();
  const imageMaxSize = /^\d+$/.test(size) ? Number(size) : Number.NaN;

  if (!Settings.shape.authorName.safeParse(authorName).success) errors.authorName = 'Use at most 200 characters for your name.';
  if (!Settings.shape.authorEmail.safeParse(authorEmail).success) errors.authorEmail = 'This does not look like an email address (name@example.com). Leave it empty if you prefer.';
  if (!Settings.shape.spellCheckLanguage.safeParse(d.spellCheckLanguage).success) errors.spellCheckLanguage = 'Choose a language from the list.';
  if (!Settings.shape.imageMaxSize.safeParse(imageMaxSize).success) {
    errors.imageMaxSize = `Type a whole number of pixels from ${IMAGE_SIZE_MIN} to ${IMAGE_SIZE_MAX}.`;
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, settings: Settings.parse({ ...d, authorName, authorEmail, imageMaxSize }) };
}
