// What the writer reads when the app cannot keep an eye on every folder of the open site (for
// example Linux's limit on watched folders, reached by a site with tens of thousands of
// folders). Posts changed by other programs then may not show on their own, and the writer is
// told so in plain words instead of being left with a list that silently goes stale.

/** Error codes that mean "the folder went away": a race with a delete, not trouble. */
const HARMLESS = new Set(['ENOENT', 'ENOTDIR']);

/** Codes that mean the system's limit on watched folders or open files was reached. */
const LIMIT = new Set(['ENOSPC', 'EMFILE', 'ENFILE']);

/** The message for a watch error, or null when the error needs no word to the writer. */
export function watchTroubleMessage(code: string | undefined): string | null {
  if (code && HARMLESS.has(code)) return null;
  const why = code && LIMIT.has(code)
    ? 'This site has more folders than this computer lets Postwright keep an eye on'
    : 'Postwright cannot keep an eye on every folder of this site';
  return `${why}, so posts changed by other programs may not show here on their own.`;
}
