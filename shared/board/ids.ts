/** Random, URL-safe ids for cases and cards (crypto.getRandomValues works outside secure contexts too). */
const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

export function newId(length = 16): string {
  const bytes = new Uint8Array(length);
  globalThis.crypto.getRandomValues(bytes);
  let id = "";
  for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length];
  return id;
}
