// Front-matter values cross IPC as JSON: dates become the ISO text, everything else as is.
export function toJsonSafe(v: unknown): unknown {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? String(v) : v.toISOString();
  if (Array.isArray(v)) return v.map(toJsonSafe);
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, toJsonSafe(x)]));
  }
  if (typeof v === 'bigint') return Number(v);
  return v;
}
