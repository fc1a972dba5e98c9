// Sigma string values: `*` and `?` are wildcards and `\` escapes them, so literal IOC text is escaped before it is
// written. A backslash is doubled only where Sigma would otherwise read it as an escape (before \, * or ?), so
// Windows paths keep their single backslashes, as SigmaHQ writes them.
export function sigmaLiteral(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '*' || c === '?') out += '\\' + c;
    else if (c === '\\' && (s[i + 1] === '\\' || s[i + 1] === '*' || s[i + 1] === '?')) out += '\\\\';
    else out += c;
  }
  return out;
}
