// Spell checking in the language the writer picked in Settings ("" turns it off). Windows and
// macOS use the OS's checker; on Linux Chromium's Hunspell needs a language it knows, so an
// unknown one falls back to the closest it has (en-US when nothing matches).
import type { Session } from 'electron';

export function pickSpellLanguage(wanted: string, available: readonly string[]): string | null {
  if (!wanted) return null;
  const lower = wanted.toLowerCase();
  const exact = available.find((a) => a.toLowerCase() === lower);
  if (exact) return exact;
  const base = lower.split('-')[0];
  return available.find((a) => a.toLowerCase() === base) ?? available.find((a) => a.toLowerCase().startsWith(`${base}-`)) ?? null;
}

export function applySpellCheckLanguage(ses: Session, language: string): void {
  if (!language) {
    ses.setSpellCheckerEnabled(false);
    return;
  }
  ses.setSpellCheckerEnabled(true);
  // On macOS the OS chooses the language itself; setSpellCheckerLanguages is not available.
  if (process.platform === 'darwin') return;
  const pick = pickSpellLanguage(language, ses.availableSpellCheckerLanguages);
  if (pick) ses.setSpellCheckerLanguages([pick]);
}
