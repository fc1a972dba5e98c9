// HTML source → cheerio document, bounded in time and depth whatever the input. Nesting in the source is limited
// before parsing (parse5, the spec parser used for articles, is O(n × depth) on deeply nested or unclosed markup: see ./nesting.ts), then the tree is
// capped at MAX_DOM_DEPTH levels (see ./dom.ts) so every later walk is shallow.
import { load, type CheerioAPI } from 'cheerio';
import { capDepth } from './dom';
import { limitNesting } from './nesting';

/** Deeper levels are flattened into their ancestor: real pages nest a few dozen levels. */
export const MAX_DOM_DEPTH = 256;
/**
 * Larger sources go to htmlparser2, about ten times faster than parse5 (5 MB: under a second instead of several)
 * though less faithful to browsers on broken markup; articles are far smaller.
 */
export const SPEC_PARSER_MAX_CHARS = 2_000_000;
/** Open elements allowed in the source; start tags beyond are dropped, their text kept. */
export const MAX_OPEN_TAGS = 512;

export function parseHtml(html: string): CheerioAPI {
  const src = limitNesting(html, MAX_OPEN_TAGS).html;
  const $ = src.length > SPEC_PARSER_MAX_CHARS ? load(src, { xml: { xmlMode: false, decodeEntities: true } }) : load(src);
  capDepth($.root()[0], MAX_DOM_DEPTH);
  return $;
}
