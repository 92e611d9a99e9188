/** Letters and digits that cannot be confused when read aloud or written down: no 0/O, 1/I. */
export const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** A reference code from random bytes (at least 8): SK-XXXX-XXXX, 40 bits of randomness. */
export function referenceCode(bytes: Uint8Array): string {
  if (bytes.length < 8) throw new Error('referenceCode needs 8 random bytes');
  const chars = Array.from(bytes.slice(0, 8), (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]!);
  return `SK-${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}
