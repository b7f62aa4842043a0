// File and folder names that work on every system the site is cloned to. Windows refuses (or
// quietly turns into a device) CON, PRN, AUX, NUL, COM1–COM9 and LPT1–LPT9, whatever the case
// and whatever extension follows ("con.png", "Aux.tar.gz"), and it drops trailing dots and
// spaces, so "notes." and "notes" would be one file there. A Postwright user on macOS or Linux
// must not make a name a colleague on Windows cannot check out.

const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/** True for a device name of Windows, with or without an extension, in any case. */
export function isWindowsReservedName(name: string): boolean {
  const stem = name.replace(/[. ]+$/, '').split('.')[0].replace(/ +$/, '');
  return RESERVED.test(stem);
}

/** Why a name cannot be used on every system, in plain words; null when it can. */
export function unportableReason(name: string): string | null {
  if (/[. ]$/.test(name)) return `"${name}" ends with a dot or a space, which Windows removes.`;
  if (isWindowsReservedName(name)) return `"${name}" is a name Windows keeps for itself.`;
  return null;
}

/** A stem (no extension) safe everywhere: a reserved one gets `suffix` ("con" → "con-1"). */
export function portableStem(stem: string, suffix = '-1'): string {
  const trimmed = stem.replace(/[. ]+$/, '');
  return isWindowsReservedName(trimmed) ? `${trimmed}${suffix}` : trimmed;
}
