// The writer's preferences, kept in the host's settings store under one key. Every field is
// checked on the way in and on the way out: a hand-edited or damaged settings file costs at
// most the damaged field, never the app's start.
import { DEFAULT_SETTINGS, Settings } from '../../../shared/ipc/channels/settings';
import type { SettingsStore } from '../context';

const KEY = 'preferences';

/** The current settings; any missing or invalid field takes its default. */
export function readSettings(store: SettingsStore): Settings {
  const stored = store.get<unknown>(KEY);
  const out: Settings = { ...DEFAULT_SETTINGS };
  if (!stored || typeof stored !== 'object' || Array.isArray(stored)) return out;
  const record = stored as Record<string, unknown>;
  for (const key of Object.keys(Settings.shape) as Array<keyof Settings>) {
    const parsed = Settings.shape[key].safeParse(record[key]);
    if (parsed.success) (out as Record<keyof Settings, unknown>)[key] = parsed.data;
  }
  return out;
}

/** Merges `partial` (already validated by the contract) and stores the result. */
export function writeSettings(store: SettingsStore, partial: Partial<Settings>): Settings {
  // A field sent as undefined means "leave it", not "clear it".
  const given = Object.fromEntries(Object.entries(partial).filter(([, v]) => v !== undefined));
  const next = Settings.parse({ ...readSettings(store), ...given });
  store.set(KEY, next);
  return next;
}
