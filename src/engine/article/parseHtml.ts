// HTML source → cheerio document, bounded in time and depth whatever the input. parse5 (the spec parser, used
// for every normal page) is O(n × depth) on deeply nested or unclosed markup, so such input goes to htmlparser2,
// which is linear; either way the tree is then capped at MAX_DOM_DEPTH levels (see ./dom.ts).
import { load, type CheerioAPI } from 'cheerio';
import { capDepth } from './dom';
import { maxOpenTags } from './nesting';

/** Deeper levels are flattened into their ancestor: real pages nest a few dozen levels. */
export const MAX_DOM_DEPTH = 256;
/** Above this many simultaneously open tags in the source, parse5 would be slow: htmlparser2 reads it. */
export const SPEC_PARSER_MAX_OPEN = 1024;

export function parseHtml(html: string): CheerioAPI {
  const deep = maxOpenTags(html, SPEC_PARSER_MAX_OPEN) >= SPEC_PARSER_MAX_OPEN;
  const $ = deep ? load(html, { xml: { xmlMode: false, decodeEntities: true } }) : load(html);
  capDepth($.root()[0], MAX_DOM_DEPTH);
  return $;
}
