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

/** A letter's or digit's code with ASCII upper case folded to lower case. */
function foldAlnum(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/** FNV-1a of text[start, end) with ASCII case folded, as an unsigned 32-bit number. */
function foldedHash(text: string, start: number, end: number): number {
  let h = 2166136261;
  for (let i = start; i < end; i++) h = Math.imul(h ^ foldAlnum(text.charCodeAt(i)), 16777619);
  return h >>> 0;
}

/**
 * Lower-case words numbered 0, 1, 2…, looked up straight from a text's characters (ASCII case folded), so a scanner
 * learns whether a word is one of them without building the word's string.
 */
export class WordIds {
  private readonly words: string[] = [];
  private slots = new Int32Array(64).fill(-1);

  get size(): number {
    return this.words.length;
  }

  /** The word's number, adding it if new (`word` in lower case). */
  add(word: string): number {
    const known = this.idOf(word, 0, word.length);
    if (known >= 0) return known;
    if ((this.words.length + 1) * 4 > this.slots.length) this.grow();
    const id = this.words.length;
    this.words.push(word);
    this.place(id);
    return id;
  }

  /** The number of text[start, end) with ASCII case folded, or -1. */
  idOf(text: string, start: number, end: number): number {
    const n = end - start;
    const mask = this.slots.length - 1;
    for (let s = foldedHash(text, start, end) & mask; ; s = (s + 1) & mask) {
      const id = this.slots[s];
      if (id < 0) return -1;
      const w = this.words[id];
      if (w.length !== n) continue;
      let i = 0;
      while (i < n && w.charCodeAt(i) === foldAlnum(text.charCodeAt(start + i))) i++;
      if (i === n) return id;
    }
  }

  private place(id: number): void {
    const w = this.words[id];
    const mask = this.slots.length - 1;
    let s = foldedHash(w, 0, w.length) & mask;
    while (this.slots[s] >= 0) s = (s + 1) & mask;
    this.slots[s] = id;
  }

  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    for (let id = 0; id < this.words.length; id++) this.place(id);
  }
}
