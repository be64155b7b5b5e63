/** FNV-1a, 32 bits, of a string's UTF-16 code units: a fast deterministic hash for ids. */
export function fnv1a(text: string, seed = 0x811c9dc5): number {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** A deterministic number in [0, 1) for an id: what sampling compares against its rate. */
export function unitHash(text: string): number {
  // A second seed decorrelates sampling from fold assignment, which uses the default one.
  return fnv1a(text, 0x9747b28c) / 0x1_0000_0000;
}
