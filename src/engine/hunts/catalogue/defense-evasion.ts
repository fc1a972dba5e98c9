// Defence evasion: log clearing, tampering, masquerading.
import { CTIME, TSTATS } from '../spl-parts';
import type { CatalogueHunt } from '../types';

export function defenseEvasionHunts(): CatalogueHunt[] {
  return [
    {
      id: 'UC_EVENT_LOG_CLEARING_COMMAND',
      title: 'Windows event logs cleared or disabled from the command line',
      description: 'Finds wevtutil cl / clear-log, wevtutil sl /e:false, PowerShell Clear-EventLog, Remove-EventLog and ' +
        '[System.Diagnostics.Eventing.Reader.EventLogSession]::ClearLog calls. Ransomware operators and intruders wipe the ' +
        'Security, System and PowerShell logs before they leave (often in a loop over every channel) to remove logon, service ' +
        'and script-block evidence; administrators rarely clear production logs by hand.',
      phase: 'install',
      techniques: ['T1070.001', 'T1562.002'],
      telemetry: { splunk: ['Endpoint.Processes'], defender: ['DeviceProcessEvents'] },
      trigger: {
        techniques: ['T1070.001'],
        phrases: [
          /wevtutil(?:\.exe)? (?:cl|clear-log|sl \S+ \/e:false)/i,
          /Clear-EventLog|Remove-EventLog/i,
          /clear\w* (?:the |all )?(?:Windows )?(?:event|security|system|application|PowerShell) (?:event )?logs?/i,
          /(?:event|security|system) logs? (?:were|was|had been|have been|has been) (?:cleared|wiped|erased|purged)/i,
        ],
      },
      spl: [
        TSTATS,
        '  from datamodel=Endpoint.Processes',
        '  where (Processes.process_name="wevtutil.exe" (Processes.process="* cl *" OR Processes.process="*clear-log*" OR Processes.process="*/e:false*"))',
        '    OR (Processes.process_name IN ("powershell.exe", "pwsh.exe") (Processes.process="*Clear-EventLog*" OR Processes.process="*Remove-EventLog*" OR Processes.process="*ClearLog(*"))',
        '  by Processes.dest Processes.user Processes.parent_process_name Processes.process_name Processes.process',
        '| `drop_dm_object_name(Processes)`',
        CTIME,
      ].join('\n'),
      kql: [
        'DeviceProcessEvents',
        '| where Timestamp > ago(30d)',
        '| where (FileName =~ "wevtutil.exe" and (ProcessCommandLine matches regex @"(?i)\\s(cl|clear-log)\\s" or ProcessCommandLine has "/e:false"))',
        '    or (FileName in~ ("powershell.exe", "pwsh.exe") and ProcessCommandLine has_any ("Clear-EventLog", "Remove-EventLog", "ClearLog("))',
        '| summarize Commands = count(), Logs = make_set(ProcessCommandLine, 50), FirstSeen = min(Timestamp), LastSeen = max(Timestamp)',
        '    by DeviceName, AccountName, InitiatingProcessFileName, FileName',
        '| order by Commands desc',
      ].join('\n'),
      sigma: {
        logsource: { category: 'process_creation', product: 'windows' },
        detection: {
          selection_wevtutil: {
            'Image|endswith': '\\wevtutil.exe',
            'CommandLine|contains': [' cl ', ' clear-log ', '/e:false'],
          },
          selection_powershell: {
            'Image|endswith': ['\\powershell.exe', '\\pwsh.exe'],
            'CommandLine|contains': ['Clear-EventLog', 'Remove-EventLog', 'ClearLog('],
          },
        },
        condition: '1 of selection_*',
      },
      falsePositives: ['Lab resets, imaging scripts and some hardening tools clear logs; in production this should tie to a change record.'],
      examples: {
        fire: [
          'Before deploying the encryptor the affiliate ran wevtutil cl Security and wevtutil cl System.',
          'A batch file loops over every channel and clears all event logs on the host.',
          'The Security and System logs were cleared shortly after the intrusion.',
        ],
        quiet: [
          'Clear the browser cache before retrying the download.',
          'Forward event logs to the SIEM so clearing them locally has less impact.',
          'The attackers did not clear the event logs.',
        ],
      },
    },
    {
      id: 'UC_AUDIT_LOG_CLEARED_EVENT',
      title: 'Security audit log cleared (event 1102 / System event 104)',
      description: 'Finds the events Windows writes when a log is cleared: Security event 1102 ("the audit log was cleared"), ' +
        'System event 104 for any other channel, and the Defender SecurityLogCleared action. These fire whatever tool cleared the ' +
        'log (wevtutil, PowerShell, the Event Viewer, an API call from malware), so they catch clearing the command-line hunt ' +
        'misses.',
      phase: 'install',
      techniques: ['T1070.001'],
      telemetry: { splunk: ['XmlWinEventLog:Security', 'XmlWinEventLog:System'], defender: ['DeviceEvents'] },
      trigger: {
        techniques: ['T1070.001'],
        phrases: [
          /(?:event (?:ID )?|EID )1102/i,
          /(?:audit|security|event) logs? (?:was |were |had been |has been )?cleared/i,
          /clear\w* (?:the |all )?(?:Windows )?(?:event|security|system|audit) logs?/i,
        ],
      },
      spl: [
        'index=* ((source="XmlWinEventLog:Security" OR source="WinEventLog:Security") EventCode=1102)',
        '    OR ((source="XmlWinEventLog:System" OR source="WinEventLog:System") EventCode=104)',
        '| eval actor=coalesce(SubjectUserName, Account_Name, user)',
        '| stats count min(_time) as firstTime max(_time) as lastTime values(EventCode) as event_codes values(Channel) as channels by host actor',
        CTIME,
      ].join('\n'),
      kql: [
        'DeviceEvents',
        '| where Timestamp > ago(30d)',
        '| where ActionType == "SecurityLogCleared"',
        '| project Timestamp, DeviceName, AccountName, InitiatingProcessAccountName, InitiatingProcessFileName, InitiatingProcessCommandLine, AdditionalFields',
        '| order by Timestamp desc',
      ].join('\n'),
      sigma: {
        logsource: { product: 'windows', service: 'security' },
        detection: {
          selection: { EventID: 1102, Provider_Name: 'Microsoft-Windows-Eventlog' },
        },
        condition: 'selection',
      },
      falsePositives: ['Log resets on lab or kiosk machines and during re-imaging; a clear on a server or domain controller deserves a look every time.'],
      examples: {
        fire: [
          'Event ID 1102 showed the audit log was cleared by the compromised domain admin account.',
          'Shortly before the ransom note appeared the security log was cleared on both domain controllers.',
        ],
        quiet: [
          'Alert on event ID 1102 in every environment.',
          'The security log is retained for 90 days.',
          'No logs were cleared during the attack.',
        ],
      },
    },
    {
      id: 'UC_DEFENDER_TAMPERING',
      title: 'Microsoft Defender protections disabled or exclusions added',
      description: 'Finds Set-MpPreference switches that turn protection off (real-time, behaviour, IOAV, script scanning, MAPS ' +
        'reporting, sample submission), Add-MpPreference exclusions for paths, extensions, processes or IPs, MpCmdRun ' +
        '-RemoveDefinitions, and registry writes to the Defender policy and exclusion keys. Ransomware affiliates and loaders ' +
        'blind Defender or exclude their staging folder before they drop the payload.',
      phase: 'install',
      techniques: ['T1562.001'],
      telemetry: { splunk: ['Endpoint.Processes', 'Endpoint.Registry'], defender: ['DeviceProcessEvents', 'DeviceRegistryEvents'] },
      trigger: {
        techniques: ['T1562.001'],
        phrases: [
          /Set-MpPreference (?:\S+ ){0,3}-Disable\w*/i,
          /Add-MpPreference (?:\S+ ){0,2}-Exclusion\w*/i,
          /-DisableRealtimeMonitoring/i,
          /(?:add|added|adding|adds|creat|set)\w* (?:\w+ ){0,3}(?:Windows |Microsoft )?Defender (?:exclusions?|exclusion (?:paths?|lists?))/i,
          /(?:disabl|turn\w* off|tamper\w* with|switch\w* off|kill|stop|blind)\w* (?:\w+ ){0,2}(?:Windows |Microsoft )Defender(?:'s)?(?: (?:real-?time (?:protection|monitoring)|antivirus|protections?|for Endpoint))?/i,
        ],
      },
      spl: [
        TSTATS,
        '  from datamodel=Endpoint.Processes',
        '  where (Processes.process_name IN ("powershell.exe", "pwsh.exe") ((Processes.process="*Set-MpPreference*" Processes.process="*-Disable*") OR (Processes.process="*Add-MpPreference*" Processes.process="*-Exclusion*")))',
        '    OR (Processes.process_name="MpCmdRun.exe" Processes.process="*-RemoveDefinitions*")',
        '    OR (Processes.process_name="sc.exe" Processes.process="*WinDefend*" (Processes.process="* stop *" OR Processes.process="* delete *" OR Processes.process="*start= disabled*"))',
        '  by Processes.dest Processes.user Processes.parent_process_name Processes.process_name Processes.process',
        '| `drop_dm_object_name(Processes)`',
        '| append',
        '    [| tstats `security_content_summariesonly` count min(_time) as firstTime max(_time) as lastTime',
        '       from datamodel=Endpoint.Registry',
        '       where (Registry.registry_path="*\\\\Windows Defender\\\\Exclusions\\\\*")',
        '          OR (Registry.registry_path="*\\\\Policies\\\\Microsoft\\\\Windows Defender*" Registry.registry_value_name IN ("DisableAntiSpyware", "DisableRealtimeMonitoring", "DisableBehaviorMonitoring", "DisableIOAVProtection", "DisableScriptScanning", "DisableOnAccessProtection") Registry.registry_value_data IN ("1", "0x00000001"))',
        '       by Registry.dest Registry.user Registry.process_name Registry.registry_path Registry.registry_value_name Registry.registry_value_data',
        '     | `drop_dm_object_name(Registry)`]',
        CTIME,
      ].join('\n'),
      kql: [
        'let lookback = 30d;',
        'union',
        '(DeviceProcessEvents',
        '  | where Timestamp > ago(lookback)',
        '  | where (ProcessCommandLine has "Set-MpPreference" and ProcessCommandLine has_any ("-DisableRealtimeMonitoring", "-DisableBehaviorMonitoring", "-DisableIOAVProtection", "-DisableScriptScanning", "-DisableIntrusionPreventionSystem", "-DisableBlockAtFirstSeen", "-MAPSReporting 0", "-SubmitSamplesConsent 2"))',
        '      or (ProcessCommandLine has "Add-MpPreference" and ProcessCommandLine has_any ("-ExclusionPath", "-ExclusionExtension", "-ExclusionProcess", "-ExclusionIpAddress"))',
        '      or (FileName =~ "MpCmdRun.exe" and ProcessCommandLine has "-RemoveDefinitions")',
        '      or (FileName =~ "sc.exe" and ProcessCommandLine has "WinDefend" and ProcessCommandLine has_any ("stop", "delete", "disabled"))',
        '  | project Timestamp, DeviceName, Account = AccountName, Source = "command line", InitiatingProcessFileName, Detail = ProcessCommandLine),',
        '(DeviceRegistryEvents',
        '  | where Timestamp > ago(lookback)',
        '  | where ActionType in ("RegistryValueSet", "RegistryKeyCreated")',
        '  | where RegistryKey has @"\\Windows Defender\\Exclusions\\"',
        '      or (RegistryKey has @"\\Policies\\Microsoft\\Windows Defender" and RegistryValueName in~ ("DisableAntiSpyware", "DisableRealtimeMonitoring", "DisableBehaviorMonitoring", "DisableIOAVProtection", "DisableScriptScanning", "DisableOnAccessProtection") and RegistryValueData in ("1", "0x00000001"))',
        '  | project Timestamp, DeviceName, Account = InitiatingProcessAccountName, Source = "registry", InitiatingProcessFileName, Detail = strcat(RegistryKey, "\\\\", RegistryValueName, " = ", RegistryValueData))',
        '| order by Timestamp desc',
      ].join('\n'),
      sigma: {
        logsource: { category: 'process_creation', product: 'windows' },
        detection: {
          selection_set: {
            'CommandLine|contains|all': ['Set-MpPreference'],
            'CommandLine|contains': ['-DisableRealtimeMonitoring', '-DisableBehaviorMonitoring', '-DisableIOAVProtection', '-DisableScriptScanning', '-DisableIntrusionPreventionSystem', '-DisableBlockAtFirstSeen', '-MAPSReporting 0', '-SubmitSamplesConsent 2'],
          },
          selection_exclusion: {
            'CommandLine|contains|all': ['Add-MpPreference'],
            'CommandLine|contains': ['-ExclusionPath', '-ExclusionExtension', '-ExclusionProcess', '-ExclusionIpAddress'],
          },
          selection_mpcmdrun: { 'Image|endswith': '\\MpCmdRun.exe', 'CommandLine|contains': '-RemoveDefinitions' },
          selection_sc: {
            'Image|endswith': '\\sc.exe',
            'CommandLine|contains|all': ['WinDefend'],
            'CommandLine|contains': ['stop', 'delete', 'disabled'],
          },
        },
        condition: '1 of selection_*',
        note: 'This rule covers command lines; the hunt also looks for Defender exclusions and disabling policy values written to the registry.',
      },
      falsePositives: [
        'Security teams add exclusions for databases, backup agents and build folders through GPO or Intune; those appear as policy writes from the management agent, not from a user shell.',
        'Third-party antivirus installers switch Defender off as designed.',
      ],
      examples: {
        fire: [
          'The script runs Set-MpPreference -DisableRealtimeMonitoring $true before fetching the encryptor.',
          'The loader added a Defender exclusion for C:\\ProgramData so its payload would not be scanned.',
          'The actors then disabled Windows Defender real-time protection on every server.',
        ],
        quiet: [
          'Enable tamper protection in Microsoft Defender for Endpoint.',
          'Defender exclusions for SQL Server are documented by Microsoft.',
          'The malware did not disable Windows Defender antivirus.',
          'Microsoft Defender stops most commodity malware at download.',
        ],
      },
    },
    {
      id: 'UC_MASQUERADING_SYSTEM_BINARY',
      title: 'Process with a Windows system binary name running from the wrong folder',
      description: 'Finds processes named like core Windows binaries (svchost, lsass, csrss, services, winlogon, smss, wininit, ' +
        'spoolsv, taskhostw, dllhost, conhost, RuntimeBroker, explorer and others) whose image is not under System32, SysWOW64 or ' +
        'WinSxS, plus near-miss names such as scvhost.exe or lsasss.exe. Malware copies itself under a trusted name in AppData, ' +
        'ProgramData or Temp to blend into process lists.',
      phase: 'install',
      techniques: ['T1036.005'],
      telemetry: { splunk: ['Endpoint.Processes'], defender: ['DeviceProcessEvents'] },
      trigger: {
        techniques: ['T1036.005'],
        phrases: [
          /(?:masquerad|disguis|pos)\w* as (?:an? |the )?(?:legitimate )?(?:svchost|lsass|csrss|explorer|services|winlogon|smss|wininit|conhost|dllhost|taskhostw?|spoolsv|RuntimeBroker)(?:\.exe)?/i,
          /fake (?:svchost|lsass|csrss|explorer|winlogon|smss|wininit|conhost|dllhost|spoolsv|RuntimeBroker)(?:\.exe)?/i,
          /(?:named|renamed to|dropped as|saved as|copied as|copies itself as) (?:\w+ ){0,2}(?:svchost|lsass|csrss|winlogon|smss|wininit|conhost|dllhost|spoolsv|taskhostw?|RuntimeBroker)\.exe/i,
        ],
      },
      spl: [
        TSTATS,
        '  from datamodel=Endpoint.Processes',
        '  where (Processes.process_name IN ("svchost.exe", "lsass.exe", "csrss.exe", "services.exe", "winlogon.exe", "smss.exe", "wininit.exe", "spoolsv.exe", "taskhostw.exe", "dllhost.exe", "conhost.exe", "RuntimeBroker.exe", "sihost.exe", "ctfmon.exe", "dwm.exe", "lsm.exe", "explorer.exe")',
        '      NOT Processes.process_path IN ("*:\\\\Windows\\\\System32\\\\*", "*:\\\\Windows\\\\SysWOW64\\\\*", "*:\\\\Windows\\\\WinSxS\\\\*", "*:\\\\Windows\\\\servicing\\\\*", "*:\\\\Windows\\\\explorer.exe"))',
        '    OR Processes.process_name IN ("scvhost.exe", "svch0st.exe", "svchosts.exe", "svhost.exe", "lsasss.exe", "lssas.exe", "isass.exe", "csrsss.exe", "winlog0n.exe", "expl0rer.exe", "explorere.exe")',
        '  by Processes.dest Processes.user Processes.parent_process_name Processes.process_name Processes.process_path Processes.process',
        '| `drop_dm_object_name(Processes)`',
        CTIME,
      ].join('\n'),
      kql: [
        'DeviceProcessEvents',
        '| where Timestamp > ago(30d)',
        '| where isnotempty(FolderPath)',
        '| extend SystemName = FileName in~ ("svchost.exe", "lsass.exe", "csrss.exe", "services.exe", "winlogon.exe", "smss.exe", "wininit.exe", "spoolsv.exe", "taskhostw.exe", "dllhost.exe", "conhost.exe", "RuntimeBroker.exe", "sihost.exe", "ctfmon.exe", "dwm.exe", "lsm.exe", "explorer.exe")',
        '| extend ExpectedFolder = FolderPath matches regex @"(?i)^[a-z]:\\\\Windows\\\\(System32|SysWOW64|WinSxS|servicing)\\\\" or FolderPath matches regex @"(?i)^[a-z]:\\\\Windows(\\\\explorer\\.exe|\\\\)?$"',
        '| extend LookAlike = FileName matches regex @"(?i)^(scvhost|svch0st|svchosts|svhost|lsasss|lssas|isass|csrsss|winlog0n|expl0rer|explorere)\\.exe$"',
        '| where (SystemName and not(ExpectedFolder)) or LookAlike',
        '| project Timestamp, DeviceName, AccountName, FileName, FolderPath, SHA256, ProcessVersionInfoCompanyName, InitiatingProcessFileName, ProcessCommandLine',
        '| order by Timestamp desc',
      ].join('\n'),
      sigma: {
        logsource: { category: 'process_creation', product: 'windows' },
        detection: {
          selection_name: {
            'Image|endswith': ['\\svchost.exe', '\\lsass.exe', '\\csrss.exe', '\\services.exe', '\\winlogon.exe', '\\smss.exe', '\\wininit.exe', '\\spoolsv.exe', '\\taskhostw.exe', '\\dllhost.exe', '\\conhost.exe', '\\RuntimeBroker.exe', '\\sihost.exe', '\\ctfmon.exe', '\\dwm.exe', '\\lsm.exe', '\\explorer.exe'],
          },
          filter_main_folder: { 'Image|re|i': '^[a-z]:\\\\Windows\\\\((System32|SysWOW64|WinSxS|servicing)\\\\|explorer\\.exe$)' },
          selection_lookalike: {
            'Image|endswith': ['\\scvhost.exe', '\\svch0st.exe', '\\svchosts.exe', '\\svhost.exe', '\\lsasss.exe', '\\lssas.exe', '\\isass.exe', '\\csrsss.exe', '\\winlog0n.exe', '\\expl0rer.exe', '\\explorere.exe'],
          },
        },
        condition: '(selection_name and not filter_main_folder) or selection_lookalike',
      },
      falsePositives: ['Forensic and sandbox copies of system binaries, and Windows installation media mounted as a drive, can run from other paths.'],
      examples: {
        fire: [
          'The backdoor copies itself as svchost.exe into C:\\Users\\Public\\Libraries.',
          'The implant masquerades as lsass.exe but runs from the AppData folder.',
          'Analysts found a fake csrss.exe launched from a Temp directory.',
        ],
        quiet: [
          'The svchost.exe process hosts many Windows services.',
          'Investigate any svchost.exe that runs outside System32.',
          'The sample does not masquerade as a system process.',
        ],
      },
    },
    {
      id: 'UC_RENAMED_SYSTEM_UTILITY',
      title: 'Renamed Windows or admin utility (file name differs from the PE original name)',
      description: 'Finds processes whose PE OriginalFileName is a command shell, script host, LOLBin or common admin and ' +
        'exfiltration tool (cmd, PowerShell, rundll32, certutil, wmic, PsExec, ProcDump, rclone, 7-Zip, AdFind) while the file ' +
        'on disk carries another name. Renaming a utility defeats detections and allow-lists written on the file name; the ' +
        'version resource keeps the original name.',
      phase: 'install',
      techniques: ['T1036.003'],
      telemetry: { splunk: ['Endpoint.Processes'], defender: ['DeviceProcessEvents'] },
      trigger: {
        techniques: ['T1036.003'],
        phrases: [
          /renamed (?:\w+ ){0,2}(?:copy|copies|versions?|instances?|binar(?:y|ies)) of (?:\w+ ){0,3}(?:[\w-]+\.exe|PsExec|ProcDump|rclone|AdFind|7-?Zip|cmd|PowerShell|certutil|rundll32)/i,
          /(?:PsExec|ProcDump|rclone|AdFind|7-?Zip|certutil|rundll32|cmd\.exe|powershell\.exe)(?:\.exe)? (?:was |had been )?renamed (?:to|as)/i,
          /renamed (?:PsExec|ProcDump|rclone|AdFind|7-?Zip|certutil|rundll32|cmd\.exe|powershell\.exe)(?:\.exe)?/i,
        ],
      },
      spl: [
        TSTATS,
        '  from datamodel=Endpoint.Processes',
        '  where Processes.original_file_name IN ("Cmd.Exe", "PowerShell.EXE.MUI", "pwsh.dll", "RUNDLL32.EXE", "REGSVR32.EXE", "MSHTA.EXE", "CertUtil.exe", "bitsadmin.exe", "wmic.exe", "cscript.exe", "wscript.exe", "reg.exe", "schtasks.exe", "vssadmin.exe", "ntdsutil.exe", "psexec.c", "procdump", "rclone.exe", "7z.exe", "AdFind.exe")',
        '  by Processes.dest Processes.user Processes.parent_process_name Processes.process_name Processes.original_file_name Processes.process_path Processes.process',
        '| `drop_dm_object_name(Processes)`',
        '| eval original_base=replace(lower(original_file_name), "\\.(exe\\.mui|exe|dll|c)$", "")',
        '| where NOT like(lower(process_name), original_base."%")',
        CTIME,
      ].join('\n'),
      kql: [
        'DeviceProcessEvents',
        '| where Timestamp > ago(30d)',
        '| extend Original = tolower(ProcessVersionInfoOriginalFileName)',
        '| where Original in ("cmd.exe", "powershell.exe.mui", "pwsh.dll", "rundll32.exe", "regsvr32.exe", "mshta.exe", "certutil.exe", "bitsadmin.exe", "wmic.exe", "cscript.exe", "wscript.exe", "reg.exe", "schtasks.exe", "vssadmin.exe", "ntdsutil.exe", "psexec.c", "procdump", "rclone.exe", "7z.exe", "adfind.exe")',
        '| extend OriginalBase = replace_regex(Original, @"\\.(exe\\.mui|exe|dll|c)$", "")',
        '| where not(tolower(FileName) startswith OriginalBase)',
        '| project Timestamp, DeviceName, AccountName, FileName, FolderPath, ProcessVersionInfoOriginalFileName, SHA256, InitiatingProcessFileName, ProcessCommandLine',
        '| order by Timestamp desc',
      ].join('\n'),
      sigma: {
        logsource: { category: 'process_creation', product: 'windows' },
        detection: {
          selection: {
            OriginalFileName: ['Cmd.Exe', 'PowerShell.EXE.MUI', 'pwsh.dll', 'RUNDLL32.EXE', 'REGSVR32.EXE', 'MSHTA.EXE', 'CertUtil.exe', 'bitsadmin.exe', 'wmic.exe', 'cscript.exe', 'wscript.exe', 'reg.exe', 'schtasks.exe', 'VSSADMIN.EXE', 'ntdsutil.exe', 'psexec.c', 'procdump', 'rclone.exe', '7z.exe', 'AdFind.exe'],
          },
          filter_main_own_name: {
            'Image|contains': ['\\cmd', '\\powershell', '\\pwsh', '\\rundll32', '\\regsvr32', '\\mshta', '\\certutil', '\\bitsadmin', '\\wmic', '\\cscript', '\\wscript', '\\reg', '\\schtasks', '\\vssadmin', '\\ntdsutil', '\\psexec', '\\procdump', '\\rclone', '\\7z', '\\adfind'],
          },
        },
        condition: 'selection and not filter_main_own_name',
        note: 'Sigma cannot compare two fields, so a utility renamed to another utility\'s name is not caught: the KQL checks each file name against its own original name.',
      },
      falsePositives: ['Some software bundles a renamed 7-Zip or rclone under its own name; check the folder, signer and prevalence.'],
      examples: {
        fire: [
          'The group used a renamed copy of rclone called svchost.exe to exfiltrate data.',
          'PsExec was renamed to winupd.exe before lateral movement.',
          'Operators ran a renamed ProcDump binary against LSASS.',
        ],
        quiet: [
          'Detect renamed binaries by comparing file names with PE metadata.',
          'The project was renamed to a shorter name last year.',
          'Rclone is an open-source tool for syncing files to cloud storage.',
        ],
      },
    },
    {
      id: 'UC_SELF_DELETING_PAYLOAD',
      title: 'Payload deleted by a shell right after it ran (self-deletion)',
      description: 'Finds cmd.exe chains that wait (ping 127.0.0.1, timeout, choice /t) and then delete a file, the pattern droppers ' +
        'and stealers use to remove themselves once they have run, and executables or scripts deleted by cmd or PowerShell ' +
        'within an hour of running on the same host. Self-deletion leaves only the child implant and memory behind, so the ' +
        'deleted path is worth recovering from telemetry or shadow copies.',
      phase: 'install',
      techniques: ['T1070.004'],
      telemetry: { splunk: ['Endpoint.Processes'], defender: ['DeviceProcessEvents', 'DeviceFileEvents'] },
      trigger: {
        techniques: ['T1070.004'],
        phrases: [
          /(?:deletes?|deleted|deleting|removes?|removed|removing|wipes?|wiped|erases?|erased) itself/i,
          /self-?delet\w*/i,
          /(?:ping(?:\.exe)? (?:-n \d+ )?127\.0\.0\.1|timeout(?:\.exe)? \/t \d+|choice(?:\.exe)? [^\n]{0,30}\/t \d+)[^\n]{0,40}&+ ?(?:del|erase) /i,
          /(?:deletes?|deleted|deleting|removes?|removed|removing) (?:the |its )?(?:original |dropped |initial )?(?:dropper|loader|payload|executable|installer) (?:\w+ ){0,3}(?:after|once) (?:it |execution|running|launch)/i,
        ],
      },
      spl: [
        TSTATS,
        '  from datamodel=Endpoint.Processes',
        '  where Processes.process_name="cmd.exe" (Processes.process="*del *" OR Processes.process="*erase *")',
        '    (Processes.process="*ping*127.0.0.1*" OR Processes.process="*timeout*/t*" OR Processes.process="*choice*/t*")',
        '  by Processes.dest Processes.user Processes.parent_process_name Processes.parent_process Processes.process',
        '| `drop_dm_object_name(Processes)`',
        CTIME,
      ].join('\n'),
      kql: [
        'let lookback = 7d;',
        'let userPaths = dynamic([@"\\AppData\\", @"\\Temp\\", @"\\ProgramData\\", @"\\Users\\Public\\", @"\\Downloads\\"]);',
        'let deletions = DeviceFileEvents',
        '  | where Timestamp > ago(lookback)',
        '  | where ActionType == "FileDeleted" and InitiatingProcessFileName in~ ("cmd.exe", "powershell.exe", "pwsh.exe")',
        '  | where FileName matches regex @"(?i)\\.(exe|dll|scr|ps1|bat|cmd|vbs|js)$" and FolderPath has_any (userPaths)',
        '  | project DeleteTime = Timestamp, DeviceId, FolderPath, Deleter = InitiatingProcessCommandLine;',
        'union',
        '(DeviceProcessEvents',
        '  | where Timestamp > ago(lookback)',
        '  | where FolderPath has_any (userPaths)',
        '  | project RunTime = Timestamp, DeviceId, DeviceName, AccountName, FolderPath, RunCommandLine = ProcessCommandLine',
        '  | join kind=inner deletions on DeviceId, FolderPath',
        '  | where DeleteTime between (RunTime .. (RunTime + 1h))',
        '  | project Timestamp = DeleteTime, DeviceName, AccountName, Source = "ran then deleted", FolderPath, Detail = Deleter),',
        '(DeviceProcessEvents',
        '  | where Timestamp > ago(lookback)',
        '  | where FileName =~ "cmd.exe" and ProcessCommandLine has_any ("del ", "erase ")',
        '  | where ProcessCommandLine has "127.0.0.1" or ProcessCommandLine matches regex @"(?i)(timeout|choice)[^&]*/t\\s*\\d+"',
        '  | project Timestamp, DeviceName, AccountName, Source = "wait then delete", FolderPath = InitiatingProcessFolderPath, Detail = ProcessCommandLine)',
        '| order by Timestamp desc',
      ].join('\n'),
      sigma: {
        logsource: { category: 'process_creation', product: 'windows' },
        detection: {
          selection_img: { 'Image|endswith': '\\cmd.exe', 'CommandLine|contains': ['del ', 'erase '] },
          selection_wait_ping: { 'CommandLine|contains': '127.0.0.1' },
          selection_wait_timeout: { 'CommandLine|re|i': '(timeout|choice)[^&]{0,200}/t\\s*\\d+' },
        },
        condition: 'selection_img and 1 of selection_wait_*',
        note: 'This rule covers the wait-then-delete command line; the hunt also joins a program run from a user folder to its deletion within the hour.',
      },
      falsePositives: ['Installers and updaters delete their own bootstrapper after running, sometimes with the same ping-and-delete trick; check the signer of the parent.'],
      examples: {
        fire: [
          'After launching the RAT the dropper deletes itself with cmd /c ping 127.0.0.1 -n 3 & del "%TEMP%\\setup.exe".',
          'The stealer is self-deleting, leaving no binary on disk for responders.',
          'It runs timeout /t 5 & del /f /q on its own path once the payload starts.',
        ],
        quiet: [
          'Deleted files can often be recovered from the Recycle Bin.',
          'Self-service password reset is available to all staff.',
          'The user deleted the phishing email after reporting it.',
        ],
      },
    },
    {
      id: 'UC_HIDDEN_FILE_ATTRIBUTE',
      title: 'Files or folders hidden with attrib +h +s in user-writable locations',
      description: 'Finds attrib.exe setting the hidden and system attributes on files or folders under AppData, ProgramData, Temp, ' +
        'Public or a user profile, or on executables and scripts anywhere. Loaders and USB worms hide their folder and payload so ' +
        'that Explorer (with default settings) never shows them to the user.',
      phase: 'install',
      techniques: ['T1564.001'],
      telemetry: { splunk: ['Endpoint.Processes'], defender: ['DeviceProcessEvents'] },
      trigger: {
        techniques: ['T1564.001'],
        phrases: [
          /attrib(?:\.exe)? (?:[+-][a-z] ){0,3}\+[hs]/i,
          /(?:set|sets|setting|applied|applies|applying|add|adds|added) (?:the )?(?:hidden|system)(?: and (?:hidden|system))? attributes?/i,
          /hid(?:es|den|ing)? (?:\w+ ){0,3}(?:in|inside|under|into) (?:a |an )?hidden (?:folders?|director(?:y|ies))/i,
        ],
      },
      spl: [
        TSTATS,
        '  from datamodel=Endpoint.Processes',
        '  where Processes.process_name="attrib.exe" Processes.process="*+h*"',
        '    (Processes.process="*\\\\AppData\\\\*" OR Processes.process="*\\\\ProgramData\\\\*" OR Processes.process="*\\\\Temp\\\\*" OR Processes.process="*\\\\Users\\\\*"',
        '     OR Processes.process="*.exe*" OR Processes.process="*.dll*" OR Processes.process="*.vbs*" OR Processes.process="*.js*" OR Processes.process="*.ps1*" OR Processes.process="*.bat*")',
        '  by Processes.dest Processes.user Processes.parent_process_name Processes.process',
        '| `drop_dm_object_name(Processes)`',
        CTIME,
      ].join('\n'),
      kql: [
        'DeviceProcessEvents',
        '| where Timestamp > ago(30d)',
        '| where FileName =~ "attrib.exe" and ProcessCommandLine matches regex @"(?i)\\+h\\b"',
        '| where ProcessCommandLine has_any (@"\\AppData\\", @"\\ProgramData\\", @"\\Temp\\", @"\\Users\\") or ProcessCommandLine matches regex @"(?i)\\.(exe|dll|scr|vbs|js|ps1|bat|cmd|lnk)\\b"',
        '| project Timestamp, DeviceName, AccountName, InitiatingProcessFileName, InitiatingProcessCommandLine, ProcessCommandLine',
        '| order by Timestamp desc',
      ].join('\n'),
      sigma: {
        logsource: { category: 'process_creation', product: 'windows' },
        detection: {
          selection_img: { 'Image|endswith': '\\attrib.exe', 'CommandLine|re|i': '\\+h\\b' },
          selection_target_path: { 'CommandLine|contains': ['\\AppData\\', '\\ProgramData\\', '\\Temp\\', '\\Users\\'] },
          selection_target_ext: { 'CommandLine|re|i': '\\.(exe|dll|scr|vbs|js|ps1|bat|cmd|lnk)\\b' },
        },
        condition: 'selection_img and 1 of selection_target_*',
      },
      falsePositives: ['Some installers and sync clients hide their cache folders (desktop.ini, .cache); they recur across hosts with the same parent.'],
      examples: {
        fire: [
          'The worm runs attrib +h +s on the folder it creates on the USB drive.',
          'The dropper sets the hidden and system attributes on its DLL in ProgramData.',
          'Payloads are hidden inside a hidden folder under the user profile.',
        ],
        quiet: [
          'Hidden files are not shown by default in File Explorer.',
          'The hidden cost of a breach is the lost customer trust.',
          'Use attrib without arguments to list file attributes.',
        ],
      },
    },
  ];
}
