// The Settings dialog: author, spell-check language, image size limit, theme and update checks.
// The theme is previewed as soon as it is picked (the parent applies it and puts it back on
// Cancel); everything else is kept only when the writer presses Save, after the same checks
// main makes, each problem said next to its field.
import { useId, useRef, useState, type FormEvent } from 'react';
import type { Settings, Theme } from '../../shared/ipc/channels/settings';
import { Dialog } from '../ui/Dialog';
import { draftFrom, IMAGE_SIZE_MAX, IMAGE_SIZE_MIN, readDraft, type DraftErrors, type DraftField, type SettingsDraft } from './settings-form';
import { SPELL_OFF, spellOptions } from './spell-languages';
import { THEMES } from './theme';
import { DialogActions } from '../ui/DialogActions';

export interface SettingsDialogProps {
  initial: Settings;
  /** The theme on screen now (controlled: the parent applies it). */
  theme: Theme;
  onThemeChange(theme: Theme): void;
  /** Stores the settings; resolves to a plain-words error, or null when saved. */
  onSave(settings: Settings): Promise<string | null>;
  onCancel(): void;
  /** The desktop app can check for updates; the browser version cannot. */
  desktop: boolean;
}

const FIELD_ORDER: DraftField[] = ['authorName', 'authorEmail', 'spellCheckLanguage', 'imageMaxSize'];

export function SettingsDialog({ initial, theme, onThemeChange, onSave, onCancel, desktop }: SettingsDialogProps) {
  const [draft, setDraft] = useState<SettingsDraft>(() => draftFrom(initial));
  const [errors, setErrors] = useState<DraftErrors>({});
  const [saveError, setSaveError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const id = useId();
  const fid = (f: string) => `${id}-${f}`;

  const set = <K extends keyof SettingsDraft>(key: K, value: SettingsDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setErrors((e) => (e[key] ? { ...e, [key]: undefined } : e));
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const read = readDraft({ ...draft, theme });
    if (!read.ok) {
      setErrors(read.errors);
      const first = FIELD_ORDER.find((f) => read.errors[f]);
      if (first) form.current?.querySelector<HTMLElement>(`#${CSS.escape(fid(first))}`)?.focus();
      return;
    }
    setBusy(true);
    setSaveError(await onSave(read.settings));
    setBusy(false);
  }

  /** Props tying a field to its label's hint and its error message. */
  const described = (f: DraftField, hint?: boolean) => {
    const ids = [hint ? fid(`${f}-hint`) : '', errors[f] ? fid(`${f}-error`) : ''].filter(Boolean).join(' ');
    return { id: fid(f), 'aria-invalid': errors[f] ? true : undefined, 'aria-describedby': ids || undefined };
  };
  const errorFor = (f: DraftField) =>
    errors[f] ? (
      <p id={fid(`${f}-error`)} className="form-error">
        {errors[f]}
      </p>
    ) : null;

  return (
    <Dialog title="Settings" onCancel={onCancel}>
      <form ref={form} className="modal-form pw-settings" noValidate onSubmit={(e) => void submit(e)}>
        <fieldset>
          <legend>Author</legend>
          <p className="hint pw-settings-wide">Used for new posts and for the versions you save.</p>
          <label htmlFor={fid('authorName')}>Name</label>
          <input {...described('authorName')} autoComplete="name" value={draft.authorName} onChange={(e) => set('authorName', e.target.value)} />
          {errorFor('authorName')}
          <label htmlFor={fid('authorEmail')}>Email</label>
          <input {...described('authorEmail')} type="email" autoComplete="email" spellCheck={false} value={draft.authorEmail} onChange={(e) => set('authorEmail', e.target.value)} />
          {errorFor('authorEmail')}
        </fieldset>

        <fieldset>
          <legend>Writing</legend>
          <label htmlFor={fid('spellCheckLanguage')}>Spell-check language</label>
          <select {...described('spellCheckLanguage')} value={draft.spellCheckLanguage} onChange={(e) => set('spellCheckLanguage', e.target.value)}>
            <option value={SPELL_OFF}>Off (no spell checking)</option>
            {spellOptions(draft.spellCheckLanguage).map((l) => (
              <option key={l.tag} value={l.tag}>
                {l.label}
              </option>
            ))}
          </select>
          {errorFor('spellCheckLanguage')}
        </fieldset>

        <fieldset>
          <legend>Images</legend>
          <label htmlFor={fid('imageMaxSize')}>Largest image size (pixels)</label>
          <input
            {...described('imageMaxSize', true)}
            type="number"
            inputMode="numeric"
            min={IMAGE_SIZE_MIN}
            max={IMAGE_SIZE_MAX}
            step={1}
            value={draft.imageMaxSize}
            onChange={(e) => set('imageMaxSize', e.target.value)}
          />
          <p id={fid('imageMaxSize-hint')} className="hint">
            Imported images wider or taller than this are scaled down. Your original files are not changed.
          </p>
          {errorFor('imageMaxSize')}
        </fieldset>

        <fieldset className="pw-settings-theme">
          <legend>Theme</legend>
          {THEMES.map((t) => (
            <label key={t.value} className="pw-settings-choice">
              <input type="radio" name={fid('theme')} value={t.value} checked={theme === t.value} onChange={() => onThemeChange(t.value)} />
              {t.label}
            </label>
          ))}
        </fieldset>

        <fieldset className="pw-settings-updates">
          <legend>Updates</legend>
          <label className="pw-settings-choice">
            <input type="checkbox" aria-describedby={fid('updates-hint')} checked={draft.updateChecks} onChange={(e) => set('updateChecks', e.target.checked)} />
            Check for updates automatically
          </label>
          <p id={fid('updates-hint')} className="hint">
            {desktop
              ? 'Once a day Postwright asks GitHub whether a new version is out, and asks you before downloading it. When this is off, Postwright never contacts the update server on its own.'
              : 'Only the desktop app checks for updates; it asks you before downloading anything.'}
          </p>
        </fieldset>

        {saveError && (
          <p role="alert" className="form-error">
            {saveError}
          </p>
        )}
        <DialogActions ok="Save" okDisabled={busy} onCancel={onCancel} />
      </form>
    </Dialog>
  );
}
