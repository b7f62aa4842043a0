// The HostContext of the web host: settings in a JSON file in the data folder, secrets only in
// memory (a browser tab offers no safe place for a token), no native dialogs, and events fanned
// out to every connected event stream.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HostContext, SecretStore, SettingsStore } from '../services/context';
import type { EventName, EventPayload } from '../../shared/ipc/events';
import { writeFileAtomic } from '../services/fs/atomic-write';

export class JsonFileSettings implements SettingsStore {
  private data: Record<string, unknown> = {};
  private writing: Promise<void> = Promise.resolve();
  constructor(private file: string) {
    try {
      this.data = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    } catch {}
  }
  get<T>(key: string): T | undefined {
    return this.data[key] as T | undefined;
  }
  set(key: string, value: unknown): void {
    this.data[key] = value;
    const text = JSON.stringify(this.data, null, 2);
    this.writing = this.writing.then(() => writeFileAtomic(this.file, Buffer.from(text))).catch(() => {});
  }
  flush(): Promise<void> {
    return this.writing;
  }
}

export class MemorySecrets implements SecretStore {
  readonly persistent = false;
  private map = new Map<string, string>();
  async get(key: string): Promise<string | null> {
    return this.map.get(key) ?? null;
  }
  async set(key: string, value: string | null): Promise<void> {
    if (value == null) this.map.delete(key);
    else this.map.set(key, value);
  }
}

export type EventSink = (event: string, payload: unknown) => void;

export function createWebHostContext(dataDir: string): HostContext & { addSink(s: EventSink): () => void; settings: JsonFileSettings } {
  mkdirSync(dataDir, { recursive: true });
  const sinks = new Set<EventSink>();
  return {
    dataDir,
    settings: new JsonFileSettings(join(dataDir, 'settings.json')),
    secrets: new MemorySecrets(),
    desktop: null,
    emit<E extends EventName>(event: E, payload: EventPayload<E>) {
      for (const s of sinks) s(event, payload);
    },
    // The web host has no Help menu: its log is shown where it was started.
    echoLog(text: string) {
      process.stderr.write(text);
    },
    addSink(s: EventSink) {
      sinks.add(s);
      return () => sinks.delete(s);
    },
  };
}
