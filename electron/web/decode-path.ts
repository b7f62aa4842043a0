// Percent-decoding of one part of a request path that never throws: a malformed escape ("%E0%A4",
// "%zz") is the client's mistake and gets a 400, not an exception that ends as a 500.

/** The decoded text, or null when the escapes are malformed or decode to a NUL. */
export function decodePath(raw: string): string | null {
  let text: string;
  try {
    text = decodeURIComponent(raw);
  } catch {
    return null;
  }
  return text.includes('\0') ? null : text;
}
