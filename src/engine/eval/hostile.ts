// Hostile inputs at full size: each one once made some step super-linear (a regex restarting at every label, a
// per-hash scan of the whole line, deep HTML nesting). The CLI (`bench --hostile`) and the tests generate them from
// here, so a regression shows up in both. Generators are deterministic: the same name gives the same bytes.

export type HostileKind = 'text' | 'html' | 'feed';

export interface HostileInput {
  name: string;
  kind: HostileKind;
  /** What the input once broke, for the report. */
  note: string;
  /** Builds the input at the given scale (1 = full size); tests use small scales to measure growth. */
  make: (scale?: number) => string;
}

/** `unit` repeated to exactly `size` characters. */
function fill(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

/** Deterministic hex digits (a linear congruential generator: no randomness, stable across runs). */
function hexDigits(n: number, seed: number): string {
  const out: string[] = [];
  let x = seed >>> 0;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    out.push('0123456789abcdef'[x >>> 28]);
  }
  return out.join('');
}

const MB = 1_000_000;

export const HOSTILE_INPUTS: readonly HostileInput[] = [
  {
    name: 'defanged label chain',
    kind: 'text',
    note: 'a[.]a[.]a… : domain masking restarted at every label',
    make: (scale = 1) => fill('a[.]', Math.round(2 * MB * scale)),
  },
  {
    name: 'dotted string, no @',
    kind: 'text',
    note: 'a.a.a… : e-mail masking restarted after every dot',
    make: (scale = 1) => fill('a.', Math.round(2 * MB * scale)) + 'a',
  },
  {
    name: 'single-line hex dump',
    kind: 'text',
    note: 'one long hex run: nested \\w* in the combined phrase detector',
    make: (scale = 1) => hexDigits(Math.round(1 * MB * scale), 7),
  },
  {
    name: '40,000 hashes on one line',
    kind: 'text',
    note: 'per-hash tests over the whole line',
    make: (scale = 1) => {
      const n = Math.max(1, Math.round(40_000 * scale));
      const hashes: string[] = [];
      for (let i = 0; i < n; i++) hashes.push(hexDigits(64, i + 1));
      return 'SHA256 hashes: ' + hashes.join(' ');
    },
  },
  {
    name: 'deeply nested HTML',
    kind: 'html',
    note: '100,000 nested <div> elements',
    make: (scale = 1) => {
      const n = Math.max(1, Math.round(100_000 * scale));
      return `<!doctype html><html><head><title>Nested</title></head><body>${'<div>'.repeat(n)}Payload at evil-host[.]com${'</div>'.repeat(n)}</body></html>`;
    },
  },
  {
    name: 'single-line HTML page',
    kind: 'html',
    note: 'a 5 MB page with no line breaks',
    make: (scale = 1) => {
      const para = '<p>The loader contacts 45.77.12.9 and drops <b>upd.exe</b>; the operators then move laterally.</p>';
      return `<!doctype html><html><head><title>One line</title></head><body><article>${fill(para, Math.round(5 * MB * scale))}</article></body></html>`;
    },
  },
  {
    name: 'feed of 1,000 entries',
    kind: 'feed',
    note: 'RSS with 1,000 items, each briefed',
    make: (scale = 1) => {
      const n = Math.max(1, Math.round(1000 * scale));
      const items: string[] = [];
      for (let i = 0; i < n; i++) {
        items.push(`<item><title>Campaign ${i}</title><link>https://news.example-feed.test/p/${i}</link><pubDate>Mon, 01 Dec 2025 10:00:00 GMT</pubDate>` +
          `<description>The actor registered update-${i}[.]net and the loader beacons to it over HTTPS.</description></item>`);
      }
      return `<?xml version="1.0"?><rss version="2.0"><channel><title>Hostile feed</title><link>https://news.example-feed.test/</link>${items.join('')}</channel></rss>`;
    },
  },
];

export function hostileInput(name: string): HostileInput | undefined {
  return HOSTILE_INPUTS.find((h) => h.name === name);
}
