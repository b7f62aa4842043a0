// Dropped, pasted or picked files become {name, dataBase64} for the importImages call: the
// renderer never hands main a path, only bytes, which main then checks by content.

export interface FilePayload {
  name: string;
  dataBase64: string;
}

export async function fileToPayload(file: File): Promise<FilePayload> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  return { name: file.name || 'pasted-image', dataBase64: bytesToBase64(bytes) };
}

/** Base64 in slices: String.fromCharCode on a whole 10 MB photo would overflow the stack. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const step = 0x8000;
  for (let i = 0; i < bytes.length; i += step) binary += String.fromCharCode(...bytes.subarray(i, i + step));
  return btoa(binary);
}

/** Files of a drop or paste (clipboard screenshots have no name: they get one). */
export function filesOf(list: FileList | null | undefined): File[] {
  return list ? Array.from(list) : [];
}
