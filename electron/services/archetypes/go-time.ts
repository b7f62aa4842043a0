// Go's reference-time layouts ("2006-01-02T15:04:05Z07:00"), enough to render the dates Hugo
// archetypes write with `.Date` and `now.Format`. Times are shown in the machine's zone, as Hugo
// does when the site sets no timeZone.
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const TOKENS = ['January', 'Monday', 'Z07:00', '-07:00', '-0700', 'Z0700', '2006', 'Jan', 'Mon', 'MST', '.000000000', '.000000', '.000', '.999999999', '.999999', '.999', '01', '02', '_2', '15', '03', '04', '05', '06', 'PM', 'pm', '-07', '1', '2', '3', '4', '5'];

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function formatGoTime(d: Date, layout: string, offsetMinutes = -d.getTimezoneOffset()): string {
  // Wall-clock parts in the wanted zone, read from a shifted UTC date.
  const w = new Date(d.getTime() + offsetMinutes * 60_000);
  const Y = w.getUTCFullYear();
  const M = w.getUTCMonth();
  const D = w.getUTCDate();
  const h = w.getUTCHours();
  const m = w.getUTCMinutes();
  const s = w.getUTCSeconds();
  const ms = w.getUTCMilliseconds();
  const sign = offsetMinutes < 0 ? '-' : '+';
  const oh = pad(Math.floor(Math.abs(offsetMinutes) / 60));
  const om = pad(Math.abs(offsetMinutes) % 60);
  const zone = (colon: boolean, z: boolean) => (z && offsetMinutes === 0 ? 'Z' : `${sign}${oh}${colon ? ':' : ''}${om}`);
  const frac = (digits: number, trim: boolean) => {
    const f = String(ms).padStart(3, '0').padEnd(digits, '0').slice(0, digits);
    if (!trim) return '.' + f;
    const t = f.replace(/0+$/, '');
    return t ? '.' + t : '';
  };
  const values: Record<string, () => string> = {
    January: () => MONTHS[M],
    Monday: () => DAYS[w.getUTCDay()],
    'Z07:00': () => zone(true, true),
    '-07:00': () => zone(true, false),
    '-0700': () => zone(false, false),
    Z0700: () => zone(false, true),
    '-07': () => `${sign}${oh}`,
    '2006': () => String(Y),
    Jan: () => MONTHS[M].slice(0, 3),
    Mon: () => DAYS[w.getUTCDay()].slice(0, 3),
    MST: () => (offsetMinutes === 0 ? 'UTC' : `${sign}${oh}${om}`),
    '.000000000': () => frac(9, false),
    '.000000': () => frac(6, false),
    '.000': () => frac(3, false),
    '.999999999': () => frac(9, true),
    '.999999': () => frac(6, true),
    '.999': () => frac(3, true),
    '01': () => pad(M + 1),
    '02': () => pad(D),
    _2: () => String(D).padStart(2, ' '),
    '15': () => pad(h),
    '03': () => pad(h % 12 || 12),
    '04': () => pad(m),
    '05': () => pad(s),
    '06': () => pad(Y % 100),
    PM: () => (h < 12 ? 'AM' : 'PM'),
    pm: () => (h < 12 ? 'am' : 'pm'),
    '1': () => String(M + 1),
    '2': () => String(D),
    '3': () => String(h % 12 || 12),
    '4': () => String(m),
    '5': () => String(s),
  };
  let out = '';
  let i = 0;
  outer: while (i < layout.length) {
    for (const t of TOKENS) {
      if (layout.startsWith(t, i)) {
        out += values[t]();
        i += t.length;
        continue outer;
      }
    }
    out += layout[i++];
  }
  return out;
}

export const RFC3339 = '2006-01-02T15:04:05Z07:00';
