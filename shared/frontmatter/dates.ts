// Dates as writers wrote them. A picker shows the wall-clock date and time and keeps the zone
// text apart, so `2025-12-21T10:00:00` is never shifted to local time or UTC; a changed value
// is written back in the same style (`T` or space, `0:00` or `00:00`, seconds, zone form).

/** An ISO-like date as written: what a date or date-time picker can show and change. */
export interface WrittenDate {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM or HH:MM:SS (24 h, two-digit hour), or null for a date without a time. */
  time: string | null;
  /** The zone as written ("Z", "+00:00", "-0500"), or null for none. */
  zone: string | null;
  style: { sep: 'T' | ' '; shortHour: boolean; seconds: boolean; fraction: string; zoneSpace: boolean };
}

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})(?:([T ])(\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?(\s?)(Z|[+-]\d{2}:?\d{2})?)?$/i;

export function parseWrittenDate(text: string): WrittenDate | null {
  const m = ISO_RE.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, sep, h, mi, s, frac = '', space, zone] = m;
  if (!validDay(+y, +mo, +d)) return null;
  const hasTime = sep !== undefined;
  if (hasTime && (+h > 23 || +mi > 59 || (s !== undefined && +s > 59))) return null;
  return {
    date: `${y}-${mo}-${d}`,
    time: hasTime ? `${h.padStart(2, '0')}:${mi}${s !== undefined ? `:${s}` : ''}` : null,
    zone: zone ?? null,
    style: { sep: sep === ' ' ? ' ' : 'T', shortHour: hasTime && h.length === 1, seconds: s !== undefined, fraction: frac, zoneSpace: space === ' ' },
  };
}

function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/**
 * Writes a picked date (and time) in the style of the value it replaces. `previous` may be null
 * for a new field: then a date is written as YYYY-MM-DD and a date-time with seconds, keeping
 * `zone` if given.
 */
export function formatDateLike(previous: string | null, picked: { date: string; time?: string | null; zone?: string | null }): string {
  const prev = previous ? parseWrittenDate(previous) : null;
  const time = picked.time ?? null;
  if (!time) return picked.date;
  const style = prev?.style ?? { sep: 'T' as const, shortHour: false, seconds: true, fraction: '', zoneSpace: false };
  const zone = picked.zone !== undefined ? picked.zone : prev?.zone ?? null;
  const [hh, mm, ss = '00'] = time.split(':');
  const hour = style.shortHour ? String(Number(hh)) : hh.padStart(2, '0');
  // A fraction is kept only when the seconds did not change, so it never claims false precision.
  const keepFraction = prev?.time && prev.time.split(':')[2] === ss ? style.fraction : '';
  // Seconds are always written: every layout Hugo reads with a time has them.
  const secs = `:${ss}${keepFraction}`;
  return `${picked.date}${style.sep}${hour}:${mm}${secs}${zone ? (style.zoneSpace ? ' ' : '') + zone : ''}`;
}

/** The `datetime-local` input's value for a written date-time (wall clock, no zone). */
export function toPickerValue(w: WrittenDate): string {
  return w.time ? `${w.date}T${w.time.length === 5 ? w.time + ':00' : w.time}` : w.date;
}

// The layouts Hugo 0.111 accepts for front-matter dates (spf13/cast's list, which Hugo uses),
// written as Go reference layouts and as the patterns they match. Go's "15" hour takes one or
// two digits, "01"/"02"/"04"/"05" take exactly two, and a fraction of a second may follow the
// seconds even when the layout does not show one.
const MON = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const LONGDAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const HMS = '\\d{1,2}:\\d{2}:\\d{2}(?:\\.\\d+)?';
const NUMZONE = '[+-]\\d{4}';
const COLZONE = '[+-]\\d{2}:\\d{2}';
const ABBR = '[A-Z]{3,5}';
export const HUGO_DATE_LAYOUTS: ReadonlyArray<{ layout: string; pattern: RegExp }> = [
  { layout: '2006-01-02T15:04:05Z07:00', pattern: new RegExp(`^\\d{4}-\\d{2}-\\d{2}T${HMS}(?:Z|${COLZONE})$`) },
  { layout: '2006-01-02T15:04:05', pattern: new RegExp(`^\\d{4}-\\d{2}-\\d{2}T${HMS}$`) },
  { layout: 'Mon, 02 Jan 2006 15:04:05 -0700', pattern: new RegExp(`^${DAY}, \\d{2} ${MON} \\d{4} ${HMS} ${NUMZONE}$`) },
  { layout: 'Mon, 02 Jan 2006 15:04:05 MST', pattern: new RegExp(`^${DAY}, \\d{2} ${MON} \\d{4} ${HMS} ${ABBR}$`) },
  { layout: '02 Jan 06 15:04 -0700', pattern: new RegExp(`^\\d{2} ${MON} \\d{2} \\d{1,2}:\\d{2} ${NUMZONE}$`) },
  { layout: '02 Jan 06 15:04 MST', pattern: new RegExp(`^\\d{2} ${MON} \\d{2} \\d{1,2}:\\d{2} ${ABBR}$`) },
  { layout: 'Monday, 02-Jan-06 15:04:05 MST', pattern: new RegExp(`^${LONGDAY}, \\d{2}-${MON}-\\d{2} ${HMS} ${ABBR}$`) },
  { layout: 'Mon Jan _2 15:04:05 2006', pattern: new RegExp(`^${DAY} ${MON} [ \\d]\\d ${HMS} \\d{4}$`) },
  { layout: 'Mon Jan _2 15:04:05 MST 2006', pattern: new RegExp(`^${DAY} ${MON} [ \\d]\\d ${HMS} ${ABBR} \\d{4}$`) },
  { layout: 'Mon Jan 02 15:04:05 -0700 2006', pattern: new RegExp(`^${DAY} ${MON} \\d{2} ${HMS} ${NUMZONE} \\d{4}$`) },
  { layout: '2006-01-02 15:04:05.999999999 -0700 MST', pattern: new RegExp(`^\\d{4}-\\d{2}-\\d{2} ${HMS} ${NUMZONE} ${ABBR}$`) },
  { layout: '2006-01-02', pattern: /^\d{4}-\d{2}-\d{2}$/ },
  { layout: '02 Jan 2006', pattern: new RegExp(`^\\d{2} ${MON} \\d{4}$`) },
  { layout: '2006-01-02T15:04:05-0700', pattern: new RegExp(`^\\d{4}-\\d{2}-\\d{2}T${HMS}${NUMZONE}$`) },
  { layout: '2006-01-02 15:04:05 -07:00', pattern: new RegExp(`^\\d{4}-\\d{2}-\\d{2} ${HMS} ${COLZONE}$`) },
  { layout: '2006-01-02 15:04:05 -0700', pattern: new RegExp(`^\\d{4}-\\d{2}-\\d{2} ${HMS} ${NUMZONE}$`) },
  { layout: '2006-01-02 15:04:05Z07:00', pattern: new RegExp(`^\\d{4}-\\d{2}-\\d{2} ${HMS}(?:Z|${COLZONE})$`) },
  { layout: '2006-01-02 15:04:05', pattern: new RegExp(`^\\d{4}-\\d{2}-\\d{2} ${HMS}$`) },
];

/** The Go layout Hugo would read `text` with, or null when Hugo cannot read it as a date. */
export function hugoDateLayout(text: string): string | null {
  const t = text.trim();
  const hit = HUGO_DATE_LAYOUTS.find((l) => l.pattern.test(t));
  if (!hit) return null;
  // The shape matches; the numbers must also be a real calendar day and time.
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2}):(\d{2}))?/.exec(t);
  if (iso && (!validDay(+iso[1], +iso[2], +iso[3]) || (iso[4] !== undefined && (+iso[4] > 23 || +iso[5] > 59 || +iso[6] > 59)))) return null;
  return hit.layout;
}
