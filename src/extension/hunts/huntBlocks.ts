// Hunt blocks of a briefing's Markdown (engine/briefing/markdown.ts writes `### title`, a blank line, then a line
// starting with the hunt ID in backticks) and hunt IDs in any text. Pure, unit-tested.

export interface HuntBlock {
  /** Line of the `### title` heading. */
  line: number;
  id: string;
  title: string;
}

export const HUNT_ID = /\bUC_[A-Z0-9]+(?:_[A-Z0-9]+)*\b/g;

export function findHuntBlocks(text: string): HuntBlock[] {
  const lines = text.split(/\r?\n/);
  const out: HuntBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const h = /^###\s+(\S(?:.*\S)?)\s*$/.exec(lines[i]);
    if (!h) continue;
    // The ID line follows the heading after at most one blank line.
    for (let j = i + 1; j <= i + 2 && j < lines.length; j++) {
      const id = /^`(UC_[A-Z0-9_]+)`/.exec(lines[j].trim());
      if (id) {
        out.push({ line: i, id: id[1], title: h[1] });
        break;
      }
      if (lines[j].trim()) break;
    }
  }
  return out;
}

/** The hunt ID under `character` of `line`, with its span. */
export function huntIdAt(line: string, character: number): { id: string; start: number; end: number } | undefined {
  for (const m of line.matchAll(HUNT_ID)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (character >= start && character <= end) return { id: m[0], start, end };
  }
  return undefined;
}

/** The partial hunt ID just before the cursor (`UC_ENC`), for completion. */
export function huntIdPrefix(before: string): string | undefined {
  return /(?:^|\W)(UC_\w*)$/i.exec(before)?.[1];
}
