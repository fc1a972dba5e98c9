// File-extension facts, one definition for every step: what makes `name.ext` a file name rather than a domain.

/** Extensions that make `name.ext` a file name. */
export const FILE_EXTS: ReadonlySet<string> = new Set([
  // executables, libraries, installers
  'exe', 'dll', 'sys', 'scr', 'cpl', 'ocx', 'msi', 'msix', 'msp', 'appx', 'drv', 'efi', 'elf', 'so', 'dylib',
  'bin', 'apk', 'ipa', 'dmg', 'pkg', 'deb', 'rpm', 'jar', 'war', 'class', 'app',
  // scripts
  'js', 'jse', 'mjs', 'cjs', 'vbs', 'vbe', 'wsf', 'wsh', 'hta', 'ps1', 'psm1', 'psd1', 'bat', 'cmd', 'sh', 'bash',
  'py', 'pyc', 'pyw', 'pl', 'rb', 'php', 'asp', 'aspx', 'ashx', 'jsp', 'lua', 'applescript', 'scpt', 'au3', 'a3x',
  'ahk', 'sql',
  // documents and lures
  'doc', 'docx', 'docm', 'dot', 'dotm', 'xls', 'xlsx', 'xlsm', 'xlsb', 'xll', 'xlam', 'ppt', 'pptx', 'pptm', 'rtf',
  'pdf', 'one', 'lnk', 'url', 'iso', 'img', 'vhd', 'vhdx', 'chm', 'hwp', 'hwpx', 'svg', 'html', 'htm', 'shtml',
  'xml', 'csv', 'txt', 'md', 'rst', 'log', 'ini', 'inf', 'cfg', 'conf', 'json', 'yaml', 'yml', 'dat', 'tmp',
  'reg', 'pdb', 'ico', 'png', 'jpg', 'jpeg', 'gif', 'bmp', 'mov', 'mp4',
  // archives and packages
  'zip', 'rar', '7z', 'gz', 'tgz', 'bz2', 'xz', 'tar', 'cab', 'uue', 'ace', 'arj', 'lzh', 'whl', 'egg', 'gem',
  'nupkg', 'crx', 'xpi', 'vsix',
]);

/** File extensions that are also top-level domains: outside a defanged/domain context the token is a file. */
export const EXT_TLD_COLLISIONS: ReadonlySet<string> = new Set([
  'zip', 'mov', 'py', 'sh', 'md', 'rs', 'so', 'ps', 'one',
]);

/** Extensions that describe documentation or build artefacts, not payloads: never file-name IOCs outside an IOC list. */
export const WEAK_EXTS: ReadonlySet<string> = new Set([
  'md', 'rst', 'txt', 'log', 'json', 'yaml', 'yml', 'xml', 'csv', 'html', 'htm', 'png', 'jpg', 'jpeg', 'gif',
  'svg', 'ico', 'conf', 'cfg', 'class', 'mp4', 'mov',
]);

/** Lower-case extension of a file name, '' when there is none. */
export function extOf(name: string): string {
  const i = name.lastIndexOf('.');
  return i < 0 ? '' : name.slice(i + 1).toLowerCase();
}

