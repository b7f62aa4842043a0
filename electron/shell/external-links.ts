// Links the app may hand to the system browser. Only plain http(s) URLs with a host and no
// embedded credentials: `file:`, `javascript:`, custom schemes and the like could start
// programs or reach local files, so a hostile post cannot use the browser as a launcher.
export function isSafeExternalUrl(raw: string): boolean {
  if (typeof raw !== 'string' || raw.length > 8192) return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  if (!url.hostname || url.username || url.password) return false;
  return true;
}
