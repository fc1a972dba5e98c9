// Lateral movement: behaviour phrases (see ../phrases.ts for the rules).
import { BehaviourPhrase, P } from './common';

export const LATERAL_MOVEMENT_PHRASES: BehaviourPhrase[] = [
  P('T1021.001', 'context', /(?:via|over|using|through) (?:the )?(?:RDP|Remote Desktop(?: Protocol)?)|RDP (?:to|for) (?:move|pivot)|(?:move|moved|moving) laterally (?:\w+ ){0,4}RDP|RDP (?:sessions?|connections?|logons?) (?:to|into|between|with|on) (?:\w+ ){0,3}(?:hosts?|servers?|systems?|machines?|domain controllers?|workstations?)/,
    'lateral movement over RDP', ['The actors often use RDP to move laterally across the network.', 'The intruders opened RDP sessions to several servers.']),
  P('T1021.002', 'context', /admin shares?|ADMIN\$|C\$ share|SMB shares? (?:to|for) (?:move|spread|copy)|(?:via|over|using|through) (?:the )?SMB(?: protocol| shares?)?(?! signing)|IPC\$|net use (?:\\\\|[A-Z]:)/,
    'SMB / admin shares', ['The worm copies itself to ADMIN$ shares.', 'The ransomware spreads to other machines over SMB.']),
  P('T1570', 'strong', /PsExec(?=[^.]{0,80}lateral)|(?:copy|copies|copied|transfer\w*|push\w*) (?:\w+ ){0,3}(?:to )?(?:other|remote) (?:hosts|systems|machines)/,
    'tool transfer between hosts', ['PsExec has also been used to aid lateral movement.']),
  P('T1091', 'context', /(?:spread|propagat|replicat|cop(?:y|ies))\w* (?:\w+ ){0,3}(?:via |through |to )?(?:USB|removable) (?:drives?|media|devices?)/,
    'spreading through removable media', ['The worm spreads through USB drives.']),
  P('T1021.004', 'context', /(?:mov|pivot|spread|propagat|log|connect|access)\w* (?:laterally )?(?:\w+ ){0,4}(?:via|over|using|through) SSH|SSH (?:sessions?|connections?|logins?) (?:to|into) (?:other|remote|additional|internal)|SSH (?:to|into) (?:other|remote|additional|internal) (?:hosts|servers|systems|machines)/,
    'lateral movement over SSH', ['The worm moves to other servers via SSH with harvested keys.'], undefined, undefined, /\bbrute\w*|\bguess\w*|\bspray\w*|\btunnel\w*/i),
  P('T1021.006', 'context', /WinRM|Evil-WinRM|PowerShell [Rr]emoting|Enter-PSSession|(?:Invoke-Command|New-PSSession) [^\n]{0,20}-ComputerName|wsmprovhost(?:\.exe)?/,
    'lateral movement over WinRM', ['The actors used Evil-WinRM to access the domain controller.']),
  P('T1021.003', 'context', /(?:via|over|using|through) DCOM|DCOM (?:lateral|objects?|execution)|MMC20\.Application|ShellBrowserWindow|dcomexec(?:\.py)?/,
    'lateral movement over DCOM', ['The operators executed commands on remote hosts via DCOM.']),
  P('T1021.005', 'context', /(?:via|over|using|through) (?:\w+ )?VNC|hidden VNC|\bhVNC\b|VNC (?:sessions?|access|module|server)/,
    'VNC remote access', ['The banking trojan includes a hidden VNC module.']),
  P('T1563.002', 'context', /RDP (?:session )?hijack\w*|hijack\w* (?:\w+ ){0,2}RDP sessions?|tscon(?:\.exe)?/,
    'RDP session hijacking', ['The actors hijacked a disconnected RDP session with tscon.']),
  P('T1570', 'context', /lateral tool transfer|(?:copy|copies|copied|transferr?\w*|mov\w*|push\w*|deploy\w*|distribut\w*) (?:\w+ ){0,4}(?:to|across|onto) (?:\w+ ){0,2}(?:other |remote |additional |internal |multiple )(?:hosts|systems|machines|endpoints|servers|workstations)/,
    'tool transfer between hosts (more wordings)', ['The actors copied the ransomware binary to multiple servers with a batch script.']),
  P('T1534', 'context', /internal (?:spear-?)?phishing|(?:phishing|malicious) e-?mails? (?:\w+ ){0,4}from (?:\w+ ){0,2}(?:compromised|hijacked) (?:internal |employee |e-?mail )?(?:accounts?|mailbox(?:es)?)/,
    'internal spearphishing', ['The actors sent phishing emails to colleagues from a compromised employee mailbox.']),
];
