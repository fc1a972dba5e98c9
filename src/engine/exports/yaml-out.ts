// YAML writing shared by the YAML exports. Written for YAML 1.1 readers (PyYAML in pySigma, contentctl and the
// Sentinel tooling): strings such as "yes", "on", "1:20" or "2026-11-02" are quoted so that those readers see strings.
import { stringify } from 'yaml';

export interface YamlStyle {
  /** Spaces per level: Sigma rules use 4, security_content and Sentinel 2. */
  indent: 2 | 4;
  /** Whether list items are indented under their key (Sigma style) or flush with it. */
  indentSeq: boolean;
}

export function toYaml(doc: unknown, style: YamlStyle): string {
  return stringify(doc, {
    version: '1.1',
    indent: style.indent,
    indentSeq: style.indentSeq,
    lineWidth: 0, // never fold: a folded query or path is a different value for some readers
    minContentWidth: 0,
    aliasDuplicateObjects: false,
  });
}
