// The k-th version of the post the kill test writes: a header naming k, then a body whose
// length and letters depend on k, so a truncated or mixed file never matches any version.
export function killTestVersion(k: number): Buffer {
  const size = ((k % 4) + 1) * 48 * 1024;
  const letter = String.fromCharCode(97 + (k % 26));
  return Buffer.from(`---\ntitle: Driftwood Summit notes, version ${k}\n---\n${letter.repeat(size)}\nEnd of version ${k}.\n`, 'utf8');
}

/** The version number a file claims to be, or null when there is no header at all. */
export function claimedVersion(bytes: Buffer): number | null {
  const m = /^---\ntitle: Driftwood Summit notes, version (\d+)\n/.exec(bytes.subarray(0, 200).toString('utf8'));
  return m ? Number(m[1]) : null;
}
