// Character tests by code, for scanners that walk a text without building strings.

/** JavaScript's \s. */
export function isSpaceCode(c: number): boolean {
  // Most characters are printable ASCII: settled by the first two comparisons.
  if (c > 32 && c < 0xa0) return false;
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029
    || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** \w without the `u` flag: ASCII letters, digits and the underscore. */
export function isWordCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/**
 * ASCII upper case folded to lower case, every other ASCII code kept and anything non-ASCII mapped to 127: the way
 * the `i` flag compares an ASCII pattern character (a non-ASCII character never equals one).
 */
export function foldCode(c: number): number {
  return c >= 128 ? 127 : c >= 65 && c <= 90 ? c + 32 : c;
}

/** ASCII letters and digits. */
export function isAlnumCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
