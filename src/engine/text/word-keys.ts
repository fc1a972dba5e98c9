// A filter in front of a set of words, for scanners that walk a text by character code: most words of an article
// are in no name list, and their length and first and last characters say so without building the word's string.

const key = (c0: number, cl: number, length: number) => (Math.min(length, 63) << 10) | ((c0 & 31) << 5) | (cl & 31);

/** Length (capped) and first and last characters of the added words, ASCII case folded; false positives only. */
export class WordKeys {
  private readonly bits = new Uint8Array(64 << 10);

  add(word: string): void {
    if (word) this.bits[key(word.charCodeAt(0), word.charCodeAt(word.length - 1), word.length)] = 1;
  }

  /** False when text[start, end) is certainly none of the added words (in any ASCII case). */
  mayHave(text: string, start: number, end: number): boolean {
    return this.bits[key(text.charCodeAt(start), text.charCodeAt(end - 1), end - start)] === 1;
  }
}
