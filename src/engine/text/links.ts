// Masking of URLs, e-mail addresses and domain names in prose (offsets kept), so that words inside a link are not
// read as narrative. File names stay visible.
import { DEFANGED_AT, DEFANGED_DOT } from './defang';
import { FILE_EXTS } from './file-extensions';

// A domain-shaped token ending in a file extension is a file name and stays visible.
const URL_TOKEN = /\b(?:h[tx]{2}ps?|fxp|ftps?|sftp|wss?)(?:\[?:\]?|\[:\/\/\])\/\/[^\s<>"'`)\]]+|\bwww\d?\.[^\s<>"'`)\]]+/gi;
const DOMAINISH = new RegExp(String.raw`(?<![\w@\\/.-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:${DEFANGED_DOT}))+([a-z]{2,12})(?:\/[^\s<>"'${'`'})\]]*)?(?![\w-])`, 'gi');
const EMAIL = new RegExp(String.raw`\b[\w.+-]+(?:${DEFANGED_AT})[\w-]+(?:(?:${DEFANGED_DOT})[\w-]+)+`, 'gi');

/** Replaces URLs, e-mail addresses and domain names by spaces (keeping offsets); file names stay. */
export function maskLinks(text: string): string {
  const blank = (s: string): string => ' '.repeat(s.length);
  return text
    .replace(URL_TOKEN, blank)
    .replace(EMAIL, blank)
    .replace(DOMAINISH, (m, tld: string) => (FILE_EXTS.has(tld.toLowerCase()) || /^(?:e\.g|i\.e|etc)\b/i.test(m) ? m : blank(m)));
}

