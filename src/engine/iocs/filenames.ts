// Data and rules for file names: which names are legitimate system binaries (LOLBins) or technology names rather
// than attacker files. Which extensions make a token a file is a text fact (../text/file-extensions).

/** Legitimate Windows / macOS / Linux binaries and LOLBins: named in reports, never IOCs by name. */
export const SYSTEM_BINARIES: ReadonlySet<string> = new Set([
  'cmd.exe', 'powershell.exe', 'pwsh.exe', 'powershell_ise.exe', 'conhost.exe', 'explorer.exe', 'svchost.exe',
  'lsass.exe', 'winlogon.exe', 'services.exe', 'csrss.exe', 'smss.exe', 'wininit.exe', 'taskhost.exe',
  'taskhostw.exe', 'sihost.exe', 'dllhost.exe', 'spoolsv.exe', 'searchindexer.exe', 'wermgr.exe', 'werfault.exe',
  'rundll32.exe', 'regsvr32.exe', 'mshta.exe', 'wscript.exe', 'cscript.exe', 'certutil.exe', 'bitsadmin.exe',
  'msiexec.exe', 'schtasks.exe', 'at.exe', 'sc.exe', 'reg.exe', 'regedit.exe', 'net.exe', 'net1.exe',
  'netsh.exe', 'nltest.exe', 'whoami.exe', 'ipconfig.exe', 'systeminfo.exe', 'tasklist.exe', 'taskkill.exe',
  'vssadmin.exe', 'wmic.exe', 'wbadmin.exe', 'bcdedit.exe', 'fodhelper.exe', 'eventvwr.exe', 'mstsc.exe',
  'msbuild.exe', 'regasm.exe', 'regsvcs.exe', 'installutil.exe', 'cmstp.exe', 'odbcconf.exe', 'msdt.exe',
  'forfiles.exe', 'findstr.exe', 'curl.exe', 'wget.exe', 'ssh.exe', 'scp.exe', 'ftp.exe', 'tftp.exe',
  'notepad.exe', 'calc.exe', 'mspaint.exe', 'winword.exe', 'excel.exe', 'powerpnt.exe', 'outlook.exe',
  'onenote.exe', 'msedge.exe', 'chrome.exe', 'firefox.exe', 'iexplore.exe', 'teams.exe', 'onedrive.exe',
  'ntdll.dll', 'kernel32.dll', 'kernelbase.dll', 'user32.dll', 'advapi32.dll', 'shell32.dll', 'ole32.dll',
  'ws2_32.dll', 'wininet.dll', 'winhttp.dll', 'crypt32.dll', 'comsvcs.dll', 'edgehtml.dll', 'mshtml.dll',
  'ntoskrnl.exe', 'hal.dll', 'lsasrv.dll', 'samlib.dll', 'vaultcli.dll', 'dbghelp.dll', 'version.dll',
  'msvcrt.dll', 'ucrtbase.dll', 'mscoree.dll', 'clr.dll', 'presentationhost.exe', 'mmc.exe', 'control.exe',
  'hh.exe', 'pcalua.exe', 'syncappvpublishingserver.exe', 'ie4uinit.exe', 'esentutl.exe', 'expand.exe',
  'extrac32.exe', 'makecab.exe', 'replace.exe', 'xcopy.exe', 'robocopy.exe', 'diskshadow.exe', 'ntdsutil.exe',
  'dsquery.exe', 'adfind.exe', 'psexec.exe', 'psexesvc.exe', 'procdump.exe', 'sdelete.exe', 'autologon.exe',
  'winrm.cmd', 'winrs.exe', 'wsl.exe', 'bash.exe', 'node.exe', 'python.exe', 'pythonw.exe', 'java.exe',
  'javaw.exe', 'msdtc.exe', 'lsm.exe', 'audiodg.exe', 'ctfmon.exe', 'runtimebroker.exe', 'smartscreen.exe',
  'msmpeng.exe', 'mpcmdrun.exe', 'securityhealthservice.exe', 'consent.exe', 'userinit.exe', 'logonui.exe',
  '7z.exe', '7za.exe', 'winrar.exe', 'rar.exe', 'anydesk.exe', 'teamviewer.exe',
]);

/** Technology and library names written like files: Node.js is a runtime, not a script. */
export const TECH_NAMES: ReadonlySet<string> = new Set([
  'node.js', 'next.js', 'nuxt.js', 'vue.js', 'react.js', 'angular.js', 'express.js', 'ember.js', 'backbone.js',
  'three.js', 'd3.js', 'chart.js', 'moment.js', 'socket.io', 'deno.js', 'bun.js', 'p5.js', 'pdf.js', 'video.js',
  'ext.js', 'knockout.js', 'meteor.js', 'nest.js', 'svelte.js', 'solid.js', 'alpine.js', 'htmx.js', 'asp.net',
  'ado.net', 'vb.net',
]);

/** Names so generic that a hunt on them would match everything legitimate. */
export const GENERIC_FILE_NAMES: ReadonlySet<string> = new Set([
  'setup.py', '__init__.py', '__main__.py', 'main.py', 'index.js', 'index.html', 'index.php', 'main.js',
  'app.js', 'config.js', 'package.json', 'package-lock.json', 'readme.md', 'readme.txt', 'license.txt',
  'changelog.md', 'requirements.txt', 'makefile', 'dockerfile', 'setup.cfg', 'pyproject.toml', 'cargo.toml',
  'config.json', 'settings.json', 'tsconfig.json', 'webpack.config.js', 'robots.txt', 'favicon.ico',
  'desktop.ini', 'thumbs.db', 'hosts', 'web.config',
]);

/** Lower-case final extension(s) of a file-like token, e.g. "tar.gz" handling is done by the caller. */
/** True when the token is a technology/library name rather than a file (Node.js, Vue.js, Socket.IO). */
export function isTechName(name: string): boolean {
  const lower = name.toLowerCase();
  if (TECH_NAMES.has(lower)) return true;
  // "Foo.js" with a capitalised single word is how products are named in prose; files are rarely capitalised so.
  return /^[A-Z][a-z]+(?:[A-Z][a-z]+)?\.js$/.test(name) && !/\d/.test(name);
}

export function isSystemBinary(name: string): boolean {
  return SYSTEM_BINARIES.has(name.toLowerCase());
}
