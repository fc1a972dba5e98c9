// YAML writing shared by the YAML exports. Written for YAML 1.1 readers (PyYAML in pySigma, contentctl and the
// Sentinel tooling): strings such as "yes", "on", "1:20" or "2026-11-02" are quoted so that those readers see strings.
import { stringify } from 'yaml';

export interface YamlStyle {
  /** Spaces per level: Sigma rules use 4, security_content and Sentinel 2. */
  indent: 2 | 4;
  /** Whether list items are indented under their key (Sigma style) or flush with it. */
  indentSeq: boolean;
}

/** U+0085, U+2028 and U+2029 are line breaks to a YAML 1.1 reader but not to a 1.2 writer: write them as newlines. */
function lineBreaksAsNewlines(x: unknown): unknown {
  if (typeof x === 'string') return x.replace(/[\u0085\u2028\u2029]/g, '\n');
  if (Array.isArray(x)) return x.map(lineBreaksAsNewlines);
  if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, lineBreaksAsNewlines(v)]));
  return x;
}

export function toYaml(doc: unknown, style: YamlStyle): string {
  return stringify(lineBreaksAsNewlines(doc), {
    version: '1.1',
    indent: style.indent,
    indentSeq: style.indentSeq,
    lineWidth: 0, // never fold: a folded query or path is a different value for some readers
    minContentWidth: 0,
    aliasDuplicateObjects: false,
  });
}
