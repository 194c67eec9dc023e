/**
 * FNV-1a, 32 bits, over the string's UTF-16 code units (as GrowthBook's SDKs hash): the
 * same number in every browser and backend. Anonymous ids and seeds are ASCII in practice,
 * where code units and UTF-8 bytes are the same.
 */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    // hash * 16777619 (the FNV prime), kept in 32 bits without losing precision in a double.
    hash += (hash << 1) + (hash << 4) + (hash << 7) + (hash << 8) + (hash << 24);
  }
  return hash >>> 0;
}
