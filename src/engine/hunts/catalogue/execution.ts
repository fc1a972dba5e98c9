// Execution: PowerShell, LOLBins, script hosts, Office and browser child processes.
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
        '| tstats `security_content_summariesonly` count min(_time) as firstTime max(_time) as lastTime',
        '  from datamodel=Endpoint.Processes',
        '  where Processes.process_name IN ("powershell.exe", "pwsh.exe")',
        '    (Processes.process="* -e *" OR Processes.process="* -en*" OR Processes.process="* -ec *" OR Processes.process="*-encodedcommand*" OR Processes.process="*-w hidden*" OR Processes.process="*-windowstyle hidden*")',
        '  by Processes.dest Processes.user Processes.parent_process_name Processes.process_name Processes.process',
        '| `drop_dm_object_name(Processes)`',
        '| `security_content_ctime(firstTime)`',
        '| `security_content_ctime(lastTime)`',
      ].join('\n'),
      kql: [
        'DeviceProcessEvents',
        '| where Timestamp > ago(30d)',
        '| where FileName in~ ("powershell.exe", "pwsh.exe")',
        '| where ProcessCommandLine matches regex @"(?i)\\s-(e|en|enc|enco|encodedcommand|ec)\\s" or ProcessCommandLine has_any ("-w hidden", "-windowstyle hidden")',
        '| project Timestamp, DeviceName, AccountName, InitiatingProcessFileName, FileName, ProcessCommandLine',
        '| order by Timestamp desc',
      ].join('\n'),
      falsePositives: ['Some management agents and installers run encoded PowerShell; baseline their parent processes and accounts.'],
      examples: {
        fire: ['The loader runs a Base64-encoded PowerShell command to fetch the second stage.', 'It then launches powershell.exe -nop -w hidden -enc with the payload.'],
        quiet: ['Defenders should monitor for encoded PowerShell commands.', 'No encoded command was observed in this intrusion.', 'The installer supports command-line options.'],
      },
    },
  ];
}
