// What the updater decides, as pure functions (no electron, no network) so every rule is
// unit-tested under Node: whether to check at all, whether an offered version is worth asking
// about, and the plain words of each question. electron/shell/updater.ts only carries out
// these decisions. The rules: nothing happens until the writer turns `updateChecks` on (or
// asks for one check from the menu), nothing is downloaded until they say Download, and a
// downloaded update installs when they quit.

/** Automatic checks at most this often (the app may run for days). */
export const CHECK_INTERVAL_MS = 24 * 60 * 60 * 1000;
/** The first automatic check waits this long so it never slows the app's start. */
export const FIRST_CHECK_DELAY_MS = 15_000;
/** Settings-store key of what the updater remembers between runs. */
export const UPDATE_MEMORY_KEY = 'updates';

/** What the updater remembers between runs (kept apart from the writer's preferences). */
export interface UpdateMemory {
  /** Epoch ms of the last check that reached the network. */
  lastCheckAt: number | null;
  /** A version the writer chose to skip: automatic checks stay quiet about it. */
  skippedVersion: string | null;
}

export const EMPTY_UPDATE_MEMORY: UpdateMemory = { lastCheckAt: null, skippedVersion: null };

/** Reads the stored memory; anything damaged counts as "nothing remembered". */
export function readUpdateMemory(stored: unknown): UpdateMemory {
  if (!stored || typeof stored !== 'object' || Array.isArray(stored)) return { ...EMPTY_UPDATE_MEMORY };
  const r = stored as Record<string, unknown>;
  const at = r.lastCheckAt;
  const skipped = r.skippedVersion;
  return {
    lastCheckAt: typeof at === 'number' && Number.isFinite(at) && at >= 0 ? at : null,
    skippedVersion: typeof skipped === 'string' && skipped.length <= 100 ? skipped : null,
  };
}

export interface CheckContext {
  /** The writer's `updateChecks` setting. */
  enabled: boolean;
  /** The writer chose Check for Updates… (that click is their consent to this one check). */
  manual: boolean;
  /** A development run has no release feed (electron-builder writes app-update.yml when packing). */
  packaged: boolean;
  now: number;
  memory: UpdateMemory;
}

export type CheckDecision = { check: true } | { check: false; reason: 'off' | 'not-packaged' | 'too-soon' };

export function decideCheck(c: CheckContext): CheckDecision {
  if (!c.packaged) return { check: false, reason: 'not-packaged' };
  if (c.manual) return { check: true };
  if (!c.enabled) return { check: false, reason: 'off' };
  if (c.memory.lastCheckAt !== null && c.now - c.memory.lastCheckAt < CHECK_INTERVAL_MS && c.now >= c.memory.lastCheckAt) {
    return { check: false, reason: 'too-soon' };
  }
  return { check: true };
}

/** Milliseconds until the next automatic check is due (0 = now). */
export function msUntilNextCheck(memory: UpdateMemory, now: number): number {
  if (memory.lastCheckAt === null || memory.lastCheckAt > now) return 0;
  return Math.max(0, memory.lastCheckAt + CHECK_INTERVAL_MS - now);
}

/** The parts of electron-updater's UpdateInfo the questions use. */
export interface UpdateOffer {
  version: string;
  releaseName?: string | null;
  releaseNotes?: string | ReadonlyArray<{ version: string; note: string | null }> | null;
  /** Size of the download in bytes, when the feed says. */
  size?: number | null;
}

export type UpdateAction = 'download' | 'later' | 'skip' | 'restart' | 'ok';

/** A native message box, with what each button means. */
export interface UpdatePrompt {
  type: 'info' | 'warning';
  title: string;
  message: string;
  detail: string;
  buttons: string[];
  actions: UpdateAction[];
  defaultId: number;
  cancelId: number;
}

/** The action behind the button the writer pressed (Escape or closing the box = cancelId). */
export function actionFor(prompt: UpdatePrompt, response: number): UpdateAction {
  return prompt.actions[response] ?? prompt.actions[prompt.cancelId] ?? 'later';
}

/** Compares dotted versions ("1.10.0" > "1.9.2"); a pre-release sorts before its release. */
export function compareVersions(a: string, b: string): number {
  const parse = (v: string) => {
    const [core = '', pre] = v.trim().replace(/^v/i, '').split(/-(.*)/s, 2);
    return { nums: core.split('.').map((n) => Number.parseInt(n, 10) || 0), pre: pre ?? null };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < Math.max(x.nums.length, y.nums.length, 3); i++) {
    const d = (x.nums[i] ?? 0) - (y.nums[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  if (x.pre === y.pre) return 0;
  if (x.pre === null) return 1;
  if (y.pre === null) return -1;
  return x.pre < y.pre ? -1 : 1;
}

/** Release notes as a short plain paragraph: GitHub sends HTML, a message box shows text. */
export function plainNotes(notes: UpdateOffer['releaseNotes'], max = 500): string {
  if (!notes) return '';
  const raw = typeof notes === 'string' ? notes : notes.map((n) => n.note ?? '').join('\n');
  const text = raw
    .replace(/<\s*(br|\/p|\/li|\/h\d)\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

function megabytes(bytes: number | null | undefined): string {
  if (!bytes || !Number.isFinite(bytes) || bytes <= 0) return '';
  return ` (about ${Math.max(1, Math.round(bytes / 1_000_000))} MB)`;
}

export interface OfferContext {
  appName: string;
  currentVersion: string;
  manual: boolean;
  memory: UpdateMemory;
  /** A version already downloaded in this run (it installs on quit; no need to ask again). */
  downloadedVersion: string | null;
}

export type OfferDecision = { kind: 'ask'; prompt: UpdatePrompt } | { kind: 'quiet'; reason: 'not-newer' | 'skipped' | 'already-downloaded' };

/** Whether to ask about an offered version, and how. Never downloads: it only asks. */
export function decideOffer(offer: UpdateOffer, c: OfferContext): OfferDecision {
  if (compareVersions(offer.version, c.currentVersion) <= 0) return { kind: 'quiet', reason: 'not-newer' };
  if (c.downloadedVersion === offer.version) return { kind: 'quiet', reason: 'already-downloaded' };
  // A skipped version stays quiet for automatic checks; asking from the menu shows it again.
  if (!c.manual && c.memory.skippedVersion === offer.version) return { kind: 'quiet', reason: 'skipped' };
  const notes = plainNotes(offer.releaseNotes);
  const detail = [
    `You have version ${c.currentVersion}. Download version ${offer.version} now${megabytes(offer.size)}? It installs when you quit ${c.appName}; your posts are not touched.`,
    notes ? `What is new:\n${notes}` : '',
    'Nothing is downloaded unless you choose Download.',
  ]
    .filter(Boolean)
    .join('\n\n');
  return {
    kind: 'ask',
    prompt: {
      type: 'info',
      title: 'Update Available',
      message: `${c.appName} ${offer.version} is available.`,
      detail,
      buttons: ['Download', 'Not Now', 'Skip This Version'],
      actions: ['download', 'later', 'skip'],
      defaultId: 0,
      cancelId: 1,
    },
  };
}

/** Memory after the writer answered an offer. */
export function rememberAnswer(memory: UpdateMemory, offer: UpdateOffer, action: UpdateAction): UpdateMemory {
  if (action === 'skip') return { ...memory, skippedVersion: offer.version };
  // Downloading a version undoes an earlier "skip" of it.
  if (action === 'download' && memory.skippedVersion === offer.version) return { ...memory, skippedVersion: null };
  return memory;
}

/** Said once the download finished. Later is the default: a restart is the writer's call. */
export function downloadedPrompt(appName: string, version: string): UpdatePrompt {
  return {
    type: 'info',
    title: 'Update Ready',
    message: `${appName} ${version} is ready to install.`,
    detail: `It installs the next time you quit ${appName}. Restart now to install it straight away (save your post first).`,
    buttons: ['Later', 'Restart Now'],
    actions: ['later', 'restart'],
    defaultId: 0,
    cancelId: 0,
  };
}

/** The answer to Check for Updates… when there is nothing to ask (null = stay silent). */
export function quietPrompt(appName: string, currentVersion: string, why: CheckDecision | OfferDecision | { kind: 'none' }, manual: boolean): UpdatePrompt | null {
  if (!manual) return null;
  const info = (message: string, detail: string): UpdatePrompt => ({ type: 'info', title: 'Updates', message, detail, buttons: ['OK'], actions: ['ok'], defaultId: 0, cancelId: 0 });
  if ('check' in why && !why.check && why.reason === 'not-packaged') {
    return info('This copy cannot update itself.', `Update checks work in ${appName} installed from a release; this is a development build (version ${currentVersion}).`);
  }
  if ('kind' in why && why.kind === 'quiet' && why.reason === 'already-downloaded') {
    return info('The update is already downloaded.', `It installs the next time you quit ${appName}.`);
  }
  return info(`You have the latest version of ${appName}.`, `Version ${currentVersion} is the newest release.`);
}

/** Plain words for a failed check or download (null = stay silent: automatic checks never nag). */
export function errorPrompt(appName: string, error: unknown, manual: boolean, during: 'check' | 'download'): UpdatePrompt | null {
  if (!manual && during === 'check') return null;
  const text = error instanceof Error ? error.message : String(error);
  const offline = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|net::ERR_|network/i.test(text);
  const cause = offline
    ? 'The computer seems to be offline, or the update server could not be reached.'
    : 'The update server gave an answer that could not be used.';
  return {
    type: 'warning',
    title: 'Updates',
    message: during === 'check' ? `${appName} could not check for updates.` : `${appName} could not download the update.`,
    detail: `${cause} Nothing was changed; you can keep working and try again later with Check for Updates….`,
    buttons: ['OK'],
    actions: ['ok'],
    defaultId: 0,
    cancelId: 0,
  };
}
