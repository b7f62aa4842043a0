// Sends thousands of random and malformed payloads to every channel of the contract through the
// real dispatch, with a site open, a canary file outside it and symlinks pointing at the canary.
// Every answer must be an envelope; the canary must be neither read nor changed nor leaked; no
// file outside the site may change; the site may change only through calls that succeeded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { unportableReason } from '../../../shared/paths/portable-name';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { channelNames, contract, type Channel } from '../../../shared/ipc/contract';
import { ErrorCode, type Envelope } from '../../../shared/ipc/errors';
import { makeTestApp, type TestApp } from './test-app';
import { payloadArbitrary, type PathContext } from './fuzz-payloads';
import { changes, snapshot } from './snapshot';

const PER_CHANNEL = Number(process.env.PW_FUZZ_PER_CHANNEL ?? 0);
const MIN_TOTAL = Number(process.env.PW_FUZZ_MIN_TOTAL ?? 10_000);
const CALL_BOX_MS = 15_000;
const CANARY = 'DRIFTWOOD-CANARY-4b1d0e';
const SEED = Number(process.env.PW_FUZZ_SEED ?? 20250605);

/** Channels that only read: a site change can never be explained by one of them succeeding. */
const READ_ONLY = new Set<string>([
  'getSite', 'listPosts', 'listShortcodes', 'readPost', 'listGallery', 'getThumbnail', 'findImageUsages', 'listBrokenImages', 'gitStatus',
  'suggestVersionMessage', 'postHistory', 'versionDiff', 'readPostAtVersion', 'listConflicts', 'journalList', 'journalRead',
  'journalWrite', 'journalDiscard', 'searchPosts', 'postLinkForm', 'checkPost', 'checkSite', 'getSettings', 'setSettings',
]);

/** Channels whose handlers must turn every failure into a typed error (no "internal" answers). */
const STRICT = new Set<string>([
  'getSite', 'openSite', 'chooseSite', 'listPosts', 'readPost', 'savePost',
  'journalWrite', 'journalDiscard', 'journalList', 'journalRead', 'getSettings', 'setSettings', 'checkPost',
]);

const POST_A = '---\ntitle: Driftwood Summit recap\ntags: [tides]\n---\nThe keynote opened with tide tables.\n![booth](photo.png)\n';
const POST_B = '+++\ntitle = "Lanternfish Labs launch"\n+++\nNew lamps.\n';
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

let t: TestApp;
let outside: string;
let canary: string;
let probe: string;
let cwdBefore: string;
let emptyCwd: string;

beforeAll(async () => {
  outside = mkdtempSync(join(tmpdir(), 'pw-outside-'));
  canary = join(outside, 'canary.md');
  writeFileSync(canary, `---\ntitle: ${CANARY}\n---\n${CANARY}\n`);
  probe = join(outside, 'probe.md');
  writeFileSync(probe, 'probe\n');
  t = await makeTestApp({ 'content/blog/a/index.md': POST_A, 'content/blog/a/photo.png': PNG, 'content/b.md': POST_B, 'static/images/logo.png': PNG });
  symlinkSync(canary, join(t.site.root, 'content/link-out.md'));
  symlinkSync(outside, join(t.site.root, 'content/linkdir'));
  symlinkSync(canary, join(t.site.root, 'static/images/evil.png'));
  // An atime older than the mtime is updated by any read, even on relatime mounts.
  const past = new Date(Date.now() - 3600_000);
  utimesSync(canary, past, new Date());
  utimesSync(probe, past, new Date());
  // Relative paths must not resolve into the repository.
  cwdBefore = process.cwd();
  emptyCwd = mkdtempSync(join(tmpdir(), 'pw-cwd-'));
  mkdirSync(join(emptyCwd, 'content'));
  process.chdir(emptyCwd);
});

afterAll(async () => {
  process.chdir(cwdBefore);
  await t.dispatch('stopPreview', {}).catch(() => {});
  await t.dispose();
  rmSync(outside, { recursive: true, force: true });
  rmSync(emptyCwd, { recursive: true, force: true });
});

function isEnvelope(e: unknown): e is Envelope<unknown> {
  if (!e || typeof e !== 'object') return false;
  const x = e as Record<string, unknown>;
  if (x.ok === true) return 'value' in x;
  if (x.ok !== false) return false;
  const err = x.error as Record<string, unknown> | undefined;
  return !!err && ErrorCode.safeParse(err.code).success && typeof err.message === 'string' && err.message.length > 0;
}

async function boxed(p: Promise<Envelope<unknown>>): Promise<Envelope<unknown> | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((r) => {
    timer = setTimeout(() => r('timeout'), CALL_BOX_MS);
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

describe('IPC fuzz', () => {
  it(`survives ${Math.max(PER_CHANNEL, Math.ceil(MIN_TOTAL / channelNames.length))} payloads on each of the ${channelNames.length} channels (and at least ${MIN_TOTAL} in all)`, async () => {
    // Does reading a file change its atime on this disk? If not, the atime check proves nothing.
    const probeAtime = statSync(probe).atimeMs;
    readFileSync(probe);
    const atimeWorks = statSync(probe).atimeMs !== probeAtime;
    // relatime updates the atime on a read while it is not past the ctime, and the first read
    // can land in the same clock tick as the setup's utimes: a second read a tick later leaves
    // the atime past the ctime, so from here on only a read by the app can move it (the test
    // itself no longer reads the canary before the atime check).
    const canaryBytes = readFileSync(canary);
    await new Promise((r) => setTimeout(r, 50));
    readFileSync(canary);
    const canaryBefore = { bytes: canaryBytes, atime: statSync(canary).atimeMs };
    const siteBefore = snapshot(t.site.root);
    const outsideBefore = snapshot(outside);
    const cwdSnap = snapshot(emptyCwd);

    const ctx: PathContext = {
      siteRoot: t.site.root,
      outsideDir: outside,
      canary,
      hashes: [POST_A, POST_B, canaryBytes.toString('utf8')].map((p) => createHash('sha256').update(p).digest('hex')),
    };
    const perChannel = Math.max(PER_CHANNEL, Math.ceil(MIN_TOTAL / channelNames.length));
    const stats = new Map<string, { calls: number; ok: number; ms: number; codes: Map<string, number> }>();
    const problems: string[] = [];
    const okMutators = new Set<string>();
    const savedRaw = new Map<string, string>();
    let total = 0;
    const started = Date.now();

    for (const [ci, channel] of channelNames.entries()) {
      const schema = contract[channel as Channel].request;
      const payloads = fc.sample(payloadArbitrary(schema, ctx), { numRuns: perChannel, seed: SEED + ci });
      const s = { calls: 0, ok: 0, ms: 0, codes: new Map<string, number>() };
      stats.set(channel, s);
      for (const payload of payloads) {
        let env: Envelope<unknown> | 'timeout';
        const t0 = performance.now();
        try {
          env = await boxed(t.dispatch(channel, payload));
          s.ms += performance.now() - t0;
        } catch (e) {
          problems.push(`${channel}: dispatch threw ${e instanceof Error ? e.message : String(e)}`);
          continue;
        }
        total++;
        s.calls++;
        if (env === 'timeout') {
          problems.push(`${channel}: no answer within ${CALL_BOX_MS} ms for ${show(payload)}`);
          continue;
        }
        if (!isEnvelope(env)) {
          problems.push(`${channel}: not an envelope: ${show(env)}`);
          continue;
        }
        let serialized = '';
        try {
          serialized = JSON.stringify(env);
        } catch {
          problems.push(`${channel}: answer cannot be serialised`);
        }
        if (serialized.includes(CANARY)) problems.push(`${channel}: canary leaked for ${show(payload)}`);
        if (env.ok) {
          s.ok++;
          if (!READ_ONLY.has(channel)) okMutators.add(channel);
          if (channel === 'savePost') {
            const p = payload as { path: string; raw: string; bom: boolean };
            savedRaw.set(p.path, (p.bom ? '\uFEFF' : '') + p.raw);
          }
          if (channel === 'openSite' && (env.value as { root: string }).root !== t.site.root) {
            await t.app.openSite(t.site.root); // keep fuzzing the temp site
          }
        } else {
          s.codes.set(env.error.code, (s.codes.get(env.error.code) ?? 0) + 1);
          if (env.error.code === 'invalid-response') problems.push(`${channel}: answer broke the contract for ${show(payload)}`);
        }
        if (!t.app.currentSite()) await t.app.openSite(t.site.root);
      }
    }
    // Valid saves with hostile text, and saves through the symlinks with the canary's real hash.
    const saveTargets = ['blog/a/index.md', 'b.md', 'link-out.md', 'linkdir/canary.md', 'blog/../b.md'];
    const raws = fc.sample(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('', '\0', POST_A, '\uFEFF---\n')), { numRuns: 300, seed: SEED });
    for (const [i, raw] of raws.entries()) {
      const path = saveTargets[i % saveTargets.length];
      const read = await t.dispatch('readPost', { path });
      const hash = read.ok ? (read.value as { hash: string }).hash : ctx.hashes[i % ctx.hashes.length];
      const bom = i % 7 === 0;
      const env = await t.dispatch('savePost', { path, raw, bom, expectedHash: hash });
      total += 2;
      if (!isEnvelope(env) || !isEnvelope(read)) problems.push(`savePost: not an envelope for ${path}`);
      if (JSON.stringify([read, env]).includes(CANARY)) problems.push(`savePost: canary leaked via ${path}`);
      if (env.ok) {
        okMutators.add('savePost');
        savedRaw.set(path, (bom ? '\uFEFF' : '') + raw);
      } else if (path.includes('link') && env.error.code !== 'outside-site') {
        problems.push(`savePost through ${path} answered ${env.error.code}, not outside-site`);
      }
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);

    const internal = t.internalErrors.map((e) => `${e.channel}: ${e.error instanceof Error ? e.error.message : String(e.error)}`);
    const siteChanges = changes(siteBefore, snapshot(t.site.root));
    console.log(`[fuzz] ${total} payloads over ${channelNames.length} channels in ${seconds} s (seed ${SEED}); atime check ${atimeWorks ? 'active' : 'unavailable'}`);
    console.log(`[fuzz] per channel (calls/ok/time/error codes): ${[...stats].map(([c, v]) => `${c} ${v.calls}/${v.ok}/${Math.round(v.ms)}ms/${[...v.codes].map(([k, n]) => `${k}:${n}`).join(',')}`).join('; ')}`);
    console.log(`[fuzz] internal errors: ${internal.length} ${[...new Set(internal)].slice(0, 15).join(' | ')}`);
    console.log(`[fuzz] site changes: ${siteChanges.length} via ${[...okMutators].join(', ') || 'none'}: ${siteChanges.slice(0, 12).map((c) => c.replace(t.site.root, '')).join(', ')}`);

    expect(problems).toEqual([]);
    expect(t.internalErrors.filter((e) => STRICT.has(e.channel)).map((e) => `${e.channel}: ${String(e.error)}`)).toEqual([]);
    expect(total).toBeGreaterThanOrEqual(MIN_TOTAL);
    // The canary outside the site: same bytes, never read.
    if (atimeWorks) expect(statSync(canary).atimeMs).toBe(canaryBefore.atime);
    expect(readFileSync(canary)).toEqual(canaryBefore.bytes);
    expect(changes(outsideBefore, snapshot(outside))).toEqual([]);
    expect(changes(cwdSnap, snapshot(emptyCwd))).toEqual([]);
    // Nothing the calls made has a name Windows cannot hold (con, nul.png, "blog."…).
    const unportable = (readdirSync(t.site.root, { recursive: true }) as string[]).filter((p) => p.split(sep).some((n) => unportableReason(n)));
    expect(unportable).toEqual([]);
    // No remote over plain http to another computer was accepted, and every version written has a one-line author.
    const gitConfig = join(t.site.root, '.git/config');
    if (existsSync(gitConfig)) expect(readFileSync(gitConfig, 'utf8')).not.toMatch(/url = http:\/\/(?!(127\.0\.0\.1|localhost)[:/])/);
    if (existsSync(gitConfig)) {
      const authors = execFileSync('git', ['log', '--all', '--format=%an%x00%ae%x00%cn'], { cwd: t.site.root, encoding: 'utf8' });
      expect(authors).not.toMatch(/[\r\u2028<>]/);
    }
    // The site changed only through calls that succeeded; posts only through valid saves.
    if (siteChanges.length) expect(okMutators.size).toBeGreaterThan(0);
    for (const [path, raw] of savedRaw) {
      if (path.includes('link')) continue;
      const abs = join(t.site.root, 'content', path);
      if (siteChanges.some((c) => c === `changed ${abs}`) || okMutators.size === 1) expect(readFileSync(abs, 'utf8')).toBe(raw);
    }
    if ([...okMutators].every((c) => c === 'savePost')) {
      for (const change of siteChanges) {
        const rel = change.replace(/^changed /, '').slice(join(t.site.root, 'content').length + 1);
        expect(change.startsWith('changed ') && savedRaw.has(rel)).toBe(true);
        expect(readFileSync(join(t.site.root, 'content', rel), 'utf8')).toBe(savedRaw.get(rel));
      }
    }
  }, 900_000);
});

function show(v: unknown): string {
  try {
    const s = JSON.stringify(v);
    return s === undefined ? String(v) : s.slice(0, 200);
  } catch {
    return String(v).slice(0, 200);
  }
}
