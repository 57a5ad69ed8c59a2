/**
 * UTF-8 text to base64, as dry-run `directoryContents` carry files.
 *
 * @example
 * encodeBase64('héllo'); // 'aMOpbGxv'
 */
export function encodeBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  // Chunks keep String.fromCharCode's argument list far below engine limits.
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Base64 to text; `undefined` when the bytes are not UTF-8 text (a binary file).
 *
 * @example
 * decodeBase64('aMOpbGxv'); // 'héllo'
 */
export function decodeBase64(base64: string): string | undefined {
  try {
    const binary = atob(base64);
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    if (bytes.includes(0)) return undefined;
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
