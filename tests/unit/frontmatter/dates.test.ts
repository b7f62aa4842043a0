// Dates keep each file's own style and zone; the layouts list matches what Hugo accepts.
import { describe, it, expect, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatDateLike, parseWrittenDate, hugoDateLayout, toPickerValue } from '../../../shared/frontmatter/dates';

describe('written dates', () => {
  it('reads wall-clock parts without shifting zones', () => {
    expect(parseWrittenDate('2025-12-21T10:00:00')).toMatchObject({ date: '2025-12-21', time: '10:00:00', zone: null });
    expect(parseWrittenDate('2025-05-01T0:00:00+00:00')).toMatchObject({ date: '2025-05-01', time: '00:00:00', zone: '+00:00', style: { shortHour: true } });
    expect(parseWrittenDate('2025-12-08T10:30:14-05:00')).toMatchObject({ time: '10:30:14', zone: '-05:00' });
    expect(parseWrittenDate('2025-12-02')).toMatchObject({ date: '2025-12-02', time: null });
    expect(parseWrittenDate('2025-02-30')).toBeNull();
    expect(toPickerValue(parseWrittenDate('2025-12-21T10:00')!)).toBe('2025-12-21T10:00:00');
  });

  it('writes a changed date in the same style as before', () => {
    expect(formatDateLike('2025-05-01T0:00:00+00:00', { date: '2025-05-02', time: '09:15:00' })).toBe('2025-05-02T9:15:00+00:00');
    expect(formatDateLike('2025-12-21T10:00:00', { date: '2025-12-22', time: '11:30:00' })).toBe('2025-12-22T11:30:00');
    expect(formatDateLike('2025-12-08T10:30:14-05:00', { date: '2025-12-08', time: '10:30:14' })).toBe('2025-12-08T10:30:14-05:00');
    expect(formatDateLike('2025-12-08 10:30:00 +0100', { date: '2025-12-09', time: '08:05' })).toBe('2025-12-09 08:05:00 +0100');
    // A date Hugo could not read (no seconds) is written so that it can.
    expect(formatDateLike('2025-12-08T10:30', { date: '2025-12-09', time: '08:05' })).toBe('2025-12-09T08:05:00');
    expect(formatDateLike('2025-12-02', { date: '2025-12-03' })).toBe('2025-12-03');
    expect(formatDateLike(null, { date: '2025-12-03', time: '10:00', zone: '+01:00' })).toBe('2025-12-03T10:00:00+01:00');
    expect(formatDateLike('2025-01-01T10:00:00.123Z', { date: '2025-01-01', time: '10:00:00' })).toBe('2025-01-01T10:00:00.123Z');
  });

  it('knows the layouts Hugo reads', () => {
    expect(hugoDateLayout('2025-05-01T0:00:00+00:00')).toBe('2006-01-02T15:04:05Z07:00');
    expect(hugoDateLayout('2025-12-21T10:00:00')).toBe('2006-01-02T15:04:05');
    expect(hugoDateLayout('2025-12-02')).toBe('2006-01-02');
    expect(hugoDateLayout('2025-12-02 10:00:00')).toBe('2006-01-02 15:04:05');
    expect(hugoDateLayout('02 Jan 2025')).toBe('02 Jan 2006');
    expect(hugoDateLayout('Mon, 02 Jan 2006 15:04:05 -0700')).not.toBeNull();
    expect(hugoDateLayout('2025/12/02')).toBeNull();
    expect(hugoDateLayout('2025-13-02')).toBeNull();
    expect(hugoDateLayout('2025-12-2')).toBeNull();
    expect(hugoDateLayout('next Tuesday')).toBeNull();
  });
});

describe('Hugo itself agrees on which dates it can read', () => {
  const root = mkdtempSync(join(tmpdir(), 'postwright-dates-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const VALUES = ['2025-05-01T0:00:00+00:00', '2025-12-21T10:00:00', '2025-12-08T10:30:14-05:00', '2025-12-02', '2025-12-2', '2025/12/02', '02 Jan 2025', '2025-12-02 10:00:00', '2025-12-02 10:00:00 -0700', '2025-13-02', 'next tuesday', '2025-12-02T10:00', '2025-12-02T10:00:00.123Z', '2025-1-2', '2025-12-02T10:00:00+0100', '2025-02-30', '2025-12-02T24:00:00'];

  it('hugoDateLayout accepts exactly the values hugo 0.111 reads (quoted and bare)', () => {
    writeFileSync(join(root, 'hugo.toml'), 'title = "Dates"\nbaseURL = "/"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n');
    mkdirSync(join(root, 'layouts/_default'), { recursive: true });
    writeFileSync(join(root, 'layouts/_default/single.html'), '{{ .Date.Year }}');
    writeFileSync(join(root, 'layouts/_default/list.html'), '');
    mkdirSync(join(root, 'content'), { recursive: true });
    VALUES.forEach((v, i) => {
      writeFileSync(join(root, `content/q${i}.md`), `---\ntitle: q${i}\ndate: "${v}"\n---\n`);
      if (!/[:#] |^[^0-9]/.test(v)) writeFileSync(join(root, `content/b${i}.md`), `---\ntitle: b${i}\ndate: ${v}\n---\n`);
    });
    execFileSync('hugo', ['--quiet'], { cwd: root, env: { ...process.env, TZ: 'UTC' }, stdio: 'ignore' });
    const readByHugo = (name: string) => readFileSync(join(root, 'public', name, 'index.html'), 'utf8').trim() !== '1';
    VALUES.forEach((v, i) => {
      const ours = hugoDateLayout(v) !== null;
      expect([v, readByHugo(`q${i}`)]).toEqual([v, ours]);
      if (!/[:#] |^[^0-9]/.test(v)) expect([v, 'bare', readByHugo(`b${i}`)]).toEqual([v, 'bare', ours]);
    });
  });
});
