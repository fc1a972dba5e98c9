// Impact: behaviour phrases (see ../phrases.ts for the rules).
import { BehaviourPhrase, P, PA } from './common';

export const IMPACT_PHRASES: BehaviourPhrase[] = [
  PA('T1486', 'context', /encrypt\w* (?:the )?(?:victim'?s?'? |their |all |user |targeted |local |network )?(?:files|data|systems|drives|hosts|servers|documents)|ransomware encrypts?|file encryption|(?:appends?|adds?) (?:the |an? )?\S+ (?:file )?extension to (?:the |all |each )?encrypted files|encrypt\w* (?:\w+ ){0,3}(?:virtual machines|VMs|VMDK files|ESXi (?:hosts|servers|datastores)|datastores)/,
    'data encrypted for impact', ['Your data are stolen and encrypted by the ransomware, which encrypts files on every drive.', 'The ransomware appends the .royal extension to encrypted files.', 'The Linux variant encrypts virtual machines on ESXi hosts.']),
  PA('T1490', 'strong', /(?:delet|remov|wip|purg)\w* (?:the |all )?(?:volume )?shadow cop(?:y|ies)|vssadmin(?:\.exe)? [^\n]{0,30}delete|wbadmin [^\n]{0,20}delete|recoveryenabled no|inhibit (?:system )?recovery|bcdedit(?:\.exe)? [^\n]{0,40}(?:recoveryenabled|bootstatuspolicy)|wmic(?:\.exe)? shadowcopy delete|Win32_ShadowCopy|(?:delet|wip|purg|destroy|encrypt)\w* (?:\w+ ){0,3}(?:backups|backup (?:files|catalogs?|copies)|restore points)|(?:disabl|delet)\w* (?:\w+ ){0,2}(?:System Restore|Windows Recovery Environment|WinRE)/,
    'inhibit system recovery', ['Use vssadmin.exe to delete shadow copies to prevent system recovery.', 'The ransomware deletes backups and disables the Windows Recovery Environment.', 'It runs bcdedit /set {default} recoveryenabled no.'], ['Maintain offline backups and test restore points.']),
  PA('T1489', 'context', /(?:stop|kill|terminat|disabl)\w* (?:\w+ ){0,3}(?:services|database processes)|net stop|sc(?:\.exe)? (?:stop|config [^\n]{0,40}start= ?disabled)|taskkill(?:\.exe)? [^\n]{0,30}\/(?:f|im)\b/,
    'service stop', ['The ransomware stops backup services before encryption.', 'The batch file runs net stop on the SQL and backup services.']),
  P('T1529', 'context', /(?:reboot|restart|shut\w* down)(?:s|ed|ing)? (?:the )?(?:machine|system|host|computer|device)|forced? (?:a )?reboot/,
    'system shutdown/reboot', ['The BAT script reboots the machine.']),
  P('T1485', 'context', /(?:overwrit\w*|destroy\w*|wip\w*) (?:\w+ ){0,3}(?:files|data|disks?)|wiper malware/, 'data destruction', ['The malicious code overwrites arbitrary files.']),
  P('T1496.001', 'context', /crypto-?min(?:ers?|ing)|coin-?min(?:ers?|ing)|XMRig|cryptojack\w*/, 'resource hijacking for mining', ['The botnet deploys XMRig coinminers.']),
  P('T1498', 'context', /DDoS(?: attacks?)?|denial[- ]of[- ]service (?:attacks?|floods?)/,
    'network denial of service', ['The botnet launched DDoS attacks against banks.'], ['CVE-2023-1 is a denial of service vulnerability.']),
  PA('T1561.002', 'strong', /(?:overwrit|wip|corrupt|destroy|eras)\w* (?:\w+ ){0,3}(?:MBR|master boot records?|partition tables?|boot sectors?|disk structures?)/,
    'disk structure wipe', ['The wiper overwrites the master boot record of every disk.']),
  PA('T1491.002', 'strong', /defac(?:ed|es|ing|ements?|e)? (?:of )?(?:\w+ ){0,3}(?:websites?|web ?pages?|sites?|home ?pages?|portals?)|(?:websites?|web ?pages?|home ?pages?|portals?) (?:\w+ ){0,3}(?:were|was|been|are) defaced/,
    'external defacement', ['Hacktivists defaced dozens of government websites.']),
  PA('T1491.001', 'context', /(?:chang|modif|replac|set)\w* (?:\w+ ){0,3}(?:desktop )?wallpapers?|desktop background/,
    'internal defacement (wallpaper)', ['The ransomware changes the desktop wallpaper to the ransom note.']),
  PA('T1496.002', 'context', /proxyjack\w*|bandwidth (?:hijack\w*|sharing (?:apps?|services?|software))|(?:IPRoyal|Peer2Profit|Honeygain|PacketStream|Pawns)/,
    'bandwidth hijacking (proxyjacking)', ['The attackers installed Peer2Profit for proxyjacking.']),
  PA('T1531', 'context', /lock\w* (?:\w+ ){0,3}(?:users?|administrators?|admins|victims?|employees|owners?) out|(?:chang|reset|delet|disabl|remov)\w* (?:\w+ ){0,3}(?:accounts?|passwords?) (?:\w+ ){0,3}(?:to )?(?:lock (?:\w+ ){0,2}out|prevent (?:\w+ ){0,3}(?:access|log ?ging in|recovery))/,
    'account access removal', ['The attackers reset admin passwords to lock the owners out of their tenant.']),
  PA('T1657', 'context', /business e-?mail compromise|\bBEC\b|wire (?:transfer )?fraud|(?:fraudulent|diverted) (?:wire )?(?:transfers|payments|invoices)|payment diversion|invoice fraud/,
    'financial theft / BEC', ['The actors used business email compromise to divert invoice payments.']),
];
