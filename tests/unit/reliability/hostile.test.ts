// Opens every case of the hostile corpus through the real handler table: listing and reading
// each must give a post or a typed error in plain words (never another exception, never a hang),
// nothing may run, nothing outside the site may be read, and no byte on disk may change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppServices } from '../../../electron/services/app-services';
import { createHandlerTable } from '../../../electron/handlers';
import { createDispatch } from '../../../shared/ipc/dispatch';
import { channelNames } from '../../../shared/ipc/contract';
import { createWebHostContext } from '../../../electron/web/web-host-context';
import { isPostwrightError } from '../../../shared/ipc/errors';
import { makeTempSite } from '../../support/temp-site';
import { hostileCases, type CaseContext, type HostileCase } from './hostile-corpus';
import { changes, snapshot } from './snapshot';

const SECRET = 'LANTERNFISH-SECRET-7f3a9c';
const TIME_BOX_MS = 20_000;
const cases = hostileCases();
/** Channels that read the whole site, when the contract has them. */
const SITE_WIDE = (section: string, path: string): Array<[string, unknown]> =>
  ([
    ['getSchema', { section }],
    ['getTaxonomyValues', {}],
    ['searchPosts', { query: 'driftwood' }],
    ['checkSite', {}],
    ['listBrokenImages', {}],
    // Versions: a history written by other tools (odd authors) is shown, never fatal.
    ['gitStatus', {}],
    ['postHistory', { path }],
  ] as Array<[string, unknown]>).filter(([ch]) => (channelNames as string[]).includes(ch));
let work: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'pw-hostile-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

type Outcome = { ok: true; value: unknown } | { ok: false; code: string; message: string };

/** Runs a handler; a PostwrightError becomes an outcome, anything else fails the test. */
async function attempt(label: string, fn: () => Promise<unknown>): Promise<Outcome> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, rej) => {
    timer = setTimeout(() => rej(new Error(`${label} took longer than ${TIME_BOX_MS} ms`)), TIME_BOX_MS);
  });
  try {
    return { ok: true, value: await Promise.race([fn(), timeout]) };
  } catch (e) {
    if (!isPostwrightError(e)) throw new Error(`${label} threw something other than a typed error: ${e instanceof Error ? e.stack : String(e)}`);
    return { ok: false, code: e.code, message: e.message };
  } finally {
    clearTimeout(timer);
  }
}

function expectPlain(message: string): void {
  expect(message.trim().length).toBeGreaterThan(5);
  expect(message.length).toBeLessThan(600);
  expect(message).not.toMatch(/\n\s+at |ERR_|node:internal|TypeError|RangeError/);
}

describe('hostile and broken files', () => {
  it('has at least 50 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(50);
    console.log(`[hostile] ${cases.length} cases`);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c: HostileCase) => {
    const dir = join(work, c.name);
    mkdirSync(dir);
    const outside = join(dir, 'outside-of-site');
    mkdirSync(outside);
    writeFileSync(join(outside, 'secret.md'), `---\ntitle: ${SECRET}\n---\n${SECRET}\n`);
    const site = makeTempSite();
    const ctx: CaseContext = { root: site.root, outside, pwned: join(dir, 'PWNED') };
    c.make(ctx);
    const before = new Map([...snapshot(site.root), ...snapshot(dir)]);

    const host = createWebHostContext(join(dir, 'data'));
    const app = new AppServices(host);
    const table = createHandlerTable(app);
    const internal: unknown[] = [];
    const dispatch = createDispatch(table, (_ch, e) => internal.push(e));
    try {
      const opened = await attempt('openSite', () => table.openSite({ dir: site.root }));
      if (!opened.ok) {
        expect(c.expect.kind).toBe('either');
        expectPlain(opened.message);
        return;
      }
      const listed = await attempt('listPosts', () => table.listPosts({}));
      if (!listed.ok) expectPlain(listed.message);
      expect(JSON.stringify(listed)).not.toContain(SECRET);

      const read = await attempt('readPost', () => table.readPost({ path: c.path }));
      if (c.expect.kind === 'post') expect(read).toMatchObject({ ok: true });
      if (c.expect.kind === 'error') expect(read).toMatchObject({ ok: false, code: c.expect.code });
      if (!read.ok) expectPlain(read.message);
      if (read.ok && c.frontMatterError) expect((read.value as { frontMatterError: string | null }).frontMatterError).toEqual(expect.any(String));
      if (read.ok) expect((read.value as { raw: string }).raw.includes(SECRET)).toBe(false);

      // Site-wide work that reads every post (form schema, search, checks, images) must also
      // cope, through dispatch so answers are checked against the contract.
      const section = c.path.includes('/') ? c.path.split('/')[0] : '';
      for (const [ch, req] of SITE_WIDE(section, c.path)) {
        const started = Date.now();
        const siteWide = await dispatch(ch, req);
        const ms = Date.now() - started;
        expect(ms, `${ch} took ${ms} ms`).toBeLessThan(TIME_BOX_MS);
        if (!siteWide.ok) {
          expect(siteWide.error.code, `${ch}: ${siteWide.error.message}`).not.toMatch(/^(internal|invalid-response)$/);
          expectPlain(siteWide.error.message);
        }
        expect(JSON.stringify(siteWide)).not.toContain(SECRET);
      }

      // The same call through dispatch: the answer must pass the contract's response schema.
      const env = await dispatch('readPost', { path: c.path });
      expect(env.ok).toBe(read.ok);
      if (!env.ok) expect(env.error.code).not.toMatch(/^(internal|invalid-response)$/);
      expect(internal).toEqual([]);
      expect(existsSync(ctx.pwned)).toBe(false);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    } finally {
      await app.closeSite();
      await host.settings.flush();
      const after = new Map([...snapshot(site.root), ...snapshot(dir)]);
      for (const k of [...after.keys()]) if (k.startsWith(join(dir, 'data'))) after.delete(k);
      expect(changes(before, after)).toEqual([]);
      site.remove();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
