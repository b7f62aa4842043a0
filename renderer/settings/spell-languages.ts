// Spell-check languages offered in Settings: the dictionaries Chromium's Hunspell ships (Windows
// and Linux; macOS uses the OS's own checker and language). Tags are BCP 47, as the settings
// schema expects; "" turns spell checking off.
export interface SpellLanguage {
  tag: string;
  label: string;
}

export const SPELL_OFF = '';

export const SPELL_LANGUAGES: readonly SpellLanguage[] = [
  { tag: 'af', label: 'Afrikaans' },
  { tag: 'bg', label: 'Bulgarian' },
  { tag: 'ca', label: 'Catalan' },
  { tag: 'cs', label: 'Czech' },
  { tag: 'cy', label: 'Welsh' },
  { tag: 'da', label: 'Danish' },
  { tag: 'de', label: 'German' },
  { tag: 'el', label: 'Greek' },
  { tag: 'en-AU', label: 'English (Australia)' },
  { tag: 'en-CA', label: 'English (Canada)' },
  { tag: 'en-GB', label: 'English (United Kingdom)' },
  { tag: 'en-US', label: 'English (United States)' },
  { tag: 'es', label: 'Spanish' },
  { tag: 'es-419', label: 'Spanish (Latin America)' },
  { tag: 'et', label: 'Estonian' },
  { tag: 'fa', label: 'Persian' },
  { tag: 'fo', label: 'Faroese' },
  { tag: 'fr', label: 'French' },
  { tag: 'he', label: 'Hebrew' },
  { tag: 'hi', label: 'Hindi' },
  { tag: 'hr', label: 'Croatian' },
  { tag: 'hu', label: 'Hungarian' },
  { tag: 'hy', label: 'Armenian' },
  { tag: 'id', label: 'Indonesian' },
  { tag: 'it', label: 'Italian' },
  { tag: 'ko', label: 'Korean' },
  { tag: 'lt', label: 'Lithuanian' },
  { tag: 'lv', label: 'Latvian' },
  { tag: 'nb', label: 'Norwegian Bokmål' },
  { tag: 'nl', label: 'Dutch' },
  { tag: 'pl', label: 'Polish' },
  { tag: 'pt-BR', label: 'Portuguese (Brazil)' },
  { tag: 'pt-PT', label: 'Portuguese (Portugal)' },
  { tag: 'ro', label: 'Romanian' },
  { tag: 'ru', label: 'Russian' },
  { tag: 'sk', label: 'Slovak' },
  { tag: 'sl', label: 'Slovenian' },
  { tag: 'sq', label: 'Albanian' },
  { tag: 'sr', label: 'Serbian' },
  { tag: 'sv', label: 'Swedish' },
  { tag: 'ta', label: 'Tamil' },
  { tag: 'tg', label: 'Tajik' },
  { tag: 'tr', label: 'Turkish' },
  { tag: 'uk', label: 'Ukrainian' },
  { tag: 'vi', label: 'Vietnamese' },
];

/** The list to show: a stored tag that is not in it (typed into a settings file) stays selectable. */
export function spellOptions(current: string): readonly SpellLanguage[] {
  if (!current || SPELL_LANGUAGES.some((l) => l.tag === current)) return SPELL_LANGUAGES;
  return [{ tag: current, label: current }, ...SPELL_LANGUAGES];
}
