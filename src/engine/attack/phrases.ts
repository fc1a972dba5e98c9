// Reviewed table: behaviour phrases in ordinary security-writing language → ATT&CK technique.
// One entry per behaviour. Patterns are matched case-insensitively (unless `caseSensitive`) with word
// boundaries added around them, on text where URLs and domains are masked. `examples` must yield the
// technique and `counter` must not (checked by test/unit/attack/phrases.test.ts).
//
// tier 'strong':  the phrase names the behaviour unambiguously; needs a threat-related article.
// tier 'context': the phrase is also ordinary admin/dev language; needs a threat word in the same or an
//                 adjacent sentence (malware, attacker, payload, victim, …).

export interface BehaviourPhrase {
  id: string;
  tier: 'strong' | 'context';
  /** The phrase; `\b`-like boundaries are added around it. */
  re: RegExp;
  /** Extra patterns that must all occur in the same sentence (co-occurrence rules). */
  also?: RegExp[];
  /** The entry does not fire in a sentence matching this (another, more specific technique covers it). */
  unless?: RegExp;
  caseSensitive?: boolean;
  note: string;
  examples: string[];
  counter?: string[];
}

const P = (id: string, tier: BehaviourPhrase['tier'], re: RegExp, note: string, examples: string[], counter?: string[], also?: RegExp[], unless?: RegExp): BehaviourPhrase =>
  ({ id, tier, re, note, examples, ...(counter ? { counter } : {}), ...(also ? { also } : {}), ...(unless ? { unless } : {}) });


export const BEHAVIOUR_PHRASES: BehaviourPhrase[] = [
  // ── Initial access ────────────────────────────────────────────────────────────────────────────────
  P('T1566', 'context', /(?:phishing|malspam|spam) (?:e-?mails?|messages?|campaigns?|waves?|lures?|attacks?)|malspam/, 'phishing as a delivery vector',
    ['The group sends phishing emails to finance staff.', 'The malspam campaign delivered the loader.'],
    ['Train users with a phishing awareness training program.', 'Our anti-phishing filter blocked nothing.']),
  P('T1566.001', 'context', /(?:spear-?phishing|phishing|malicious|malspam|spam) e-?mails? (?:with|carrying|containing) (?:an? |the )?(?:malicious |weaponi[sz]ed )?attach\w+|(?:malicious|weaponi[sz]ed) (?:e-?mail )?attachments?|attachments? (?:to|in|of) (?:phishing|malicious|spam|malspam|spear-?phishing) e-?mails?|spear-?phishing attachments?/,
    'malicious e-mail attachment', ['Victims received a phishing email with a malicious attachment.', 'The loader arrives as a malicious attachment.'],
    ['Scan every attachment for viruses.']),
  P('T1566.002', 'context', /(?:e-?mails?|messages?) (?:containing|with|that contains?|including|carrying) (?:an? |the )?(?:malicious |embedded )?(?:links?|URLs?|hyperlinks?)|e-?mails? linking to|(?:malspam|phishing e-?mails?) (?:contained|contains|carried|included) (?:an? )?(?:malicious )?(?:links?|URLs?)|links? (?:included |embedded |contained )?in (?:an? |the )?(?:phishing |malicious |spam |malspam )?e-?mails?|spear-?phishing links?/,
    'malicious link in an e-mail', ['A victim is sent an email linking to an externally hosted Zip file.', 'The malspam contained a malicious link to the payload.'],
    ['Click the link in the confirmation email to activate your account.']),
  P('T1566.004', 'strong', /vishing|voice phishing|callback phishing/, 'phone-based phishing', ['The actors used callback phishing to reach employees.']),
  P('T1189', 'strong', /watering[- ]holes?|drive-by(?:[- ](?:downloads?|compromises?|attacks?|infections?))?/, 'compromised website infects visitors',
    ['Researchers uncover a watering hole attack by APT TA423.', 'The infection started with a drive-by download from Chrome.']),
  P('T1190', 'strong', /exploit\w*/, 'exploitation of an internet-facing server or appliance (co-occurrence rule)',
    ['Attackers are actively exploiting CVE-2023-1234 in internet-facing VPN appliances.', 'The flaws enable command execution on vulnerable SharePoint servers, and we noted active exploitation of the vulnerabilities.'],
    ['The exploit targets a browser vulnerability on the desktop.'],
    [/\b(?:CVE-\d{4}-\d{4,}|vulnerabilit(?:y|ies)|flaws?|zero-day|0-day)\b/i,
      /\b(?:servers?|appliances?|gateways?|VPNs?|firewalls?|public-facing|internet-facing|externally[- ]facing|web applications?|SharePoint|Exchange|Confluence|Citrix|NetScaler|FortiOS|FortiGate|Ivanti|MOVEit|GoAnywhere|WebLogic|Tomcat|Jenkins|GitLab|vCenter|ESXi|PaperCut|Log4j)\b/i]),
  P('T1195.001', 'strong', /(?:malicious|compromised|trojani[sz]ed|backdoored|typo-?squat\w*|rogue) (?:\w+ ){0,2}(?:npm|PyPI|pip|RubyGems|NuGet|Maven|crates?|Go|open[- ]source|third[- ]party) (?:packages?|dependenc(?:y|ies)|librar(?:y|ies)|modules?)|(?:malicious|compromised|trojani[sz]ed|backdoored) (?:\w+ )?(?:dependenc(?:y|ies)|librar(?:y|ies))|(?:added|adding|adds|introduc\w*|inject\w*) (?:\w+ ){0,4}as a (?:new )?dependency|embedded malicious code|malicious code (?:was |were |is )?(?:introduced|injected|inserted|added|embedded)/,
    'malicious code in a software dependency', ['The NPM package flatmap-stream is considered malicious; a malicious actor added this package as a dependency.',
      'Versions 10.1.1 and 10.1.2 contain embedded malicious code that was introduced by the maintainer.', 'We found 116 malicious PyPI packages.'],
    ['Update the package to the latest version.', 'The obfuscated script is used to create a malicious NetSupport RAT package.']),
  P('T1195.002', 'strong', /(?:trojani[sz]ed|backdoored|compromised) (?:software )?(?:updates?|installers?|update servers?|build (?:server|system|pipeline)s?)|software supply[- ]chain (?:attack|compromise)/,
    'compromised vendor software or update', ['Customers installed a trojanized update of the accounting software.']),
  P('T1133', 'context', /(?:compromised|stolen|valid|harvested) (?:\w+ )?(?:VPN|Citrix|RDP|remote access) (?:credentials|accounts?)|(?:via|through|over) (?:exposed|internet-facing) (?:RDP|VPN|remote desktop)/,
    'access through external remote services', ['The actors logged in with stolen VPN credentials.']),

  // ── Execution ───────────────────────────────────────────────────────────────────────────────────
  P('T1204.002', 'strong', /(?:victims?|users?|targets?|recipients?)(?: (?:is|are|was|were|had|has|have|needs?|must))? (?:(?:lured|tricked|enticed|prompted|convinced|asked|required) )?(?:in)?to (?:open|double[- ]click|click|run|execute|launch|enable|mount)|double[- ]?clicks?|double[- ]clicking|opens? the (?:malicious |weaponi[sz]ed )?(?:attachment|document|file|archive|ISO|image|shortcut|LNK)|when (?:the )?(?:victims?|users?|documents?|files?) (?:opens?|is opened|are opened|executes?)|(?:documents?|attachments?) (?:are|is|was|were) opened|enable (?:the )?(?:macros|content|editing)/,
    'the user opens or runs the malicious file', ['The victim double clicks the ISO to mount it.', 'A user had to click on this in order to execute the malware.',
      'The macro code executes when the documents are opened.'], ['Double-check the configuration before deploying.']),
  P('T1204.001', 'context', /(?:click\w*|tap\w*) (?:on )?(?:an? |the )?(?:malicious |embedded )?(?:links?|URLs?|hyperlinks?)/, 'the user clicks a malicious link',
    ['Victims who clicked the malicious link were redirected to the loader.']),
  P('T1204.004', 'strong', /ClickFix|fake CAPTCHA|(?:paste|pastes|pasted|pasting) (?:\w+ ){0,4}into (?:the )?(?:Run dialog|Windows Run|terminal|PowerShell)/, 'the user pastes a command (ClickFix)',
    ['The fake CAPTCHA page asks the user to paste a command into the Run dialog.']),
  P('T1059.001', 'context', /powershell(?:\.exe)?|-EncodedCommand|Invoke-Expression|\bIEX\b|DownloadString|Invoke-WebRequest/, 'PowerShell used by the attacker',
    ['Attackers are dropping malicious ASPX payloads via PowerShell.'], ['Install the module from PowerShell Gallery.']),
  P('T1059.003', 'context', /cmd(?:\.exe)?(?: (?:commands?|files?|scripts?|shell|\/c))?|command prompt|batch (?:files?|scripts?)|\.bat (?:files?|scripts?)|BAT (?:files?|scripts?)|Windows command shell/, 'Windows command shell or batch script',
    ['The executable was downloaded and then launched by cmd.exe.', 'The BAT script changes the password of the logged-in user and drops malware.'], ['Press Windows+R and open a terminal to run the installer.']),
  P('T1059.005', 'context', /VBScript|VBS (?:scripts?|files?)|\.vbs\b|VBA (?:macros?|code)|wscript(?:\.exe)?|cscript(?:\.exe)?/, 'Visual Basic: VBScript/VBA',
    ['The malware runs a VBScript to download the next stage.']),
  P('T1059.006', 'context', /(?:malicious|obfuscated|a|the) python scripts? (?:is |was )?(?:executed|runs?|used)|python-based (?:malware|backdoor|loader|stealer|RAT|implant)/, 'Python used to run attacker code',
    ['A python script is executed to run the malware loader.'], ['Install the package with pip and import it in your Python code.']),
  P('T1059.004', 'context', /(?:malicious |a )?(?:bash|shell) scripts? (?:is |was )?(?:executed|runs?|downloads?|used)|\/bin\/(?:ba)?sh -c|curl [^\n]{0,60}\| ?(?:ba)?sh|wget [^\n]{0,60}\| ?(?:ba)?sh/, 'Unix shell used to run attacker code',
    ['The malware downloads a shell script that is executed with curl http://x | sh.']),
  P('T1059.007', 'context', /JScript|(?:malicious|obfuscated) JavaScript/, 'JavaScript/JScript used to run attacker code', ['The lure drops an obfuscated JavaScript file.']),
  P('T1047', 'context', /\bWMI\b|wmic(?:\.exe)?|Windows Management Instrumentation/, 'WMI used for execution', ['The operators used WMIC to run the payload remotely.']),
  P('T1053.005', 'context', /scheduled tasks?|schtasks(?:\.exe)?|task scheduler/, 'scheduled task for execution/persistence',
    ['It uses the schtasks.exe command to register the malware in the task scheduler.']),
  P('T1053.003', 'context', /cron(?:tab)?(?: jobs?| entr(?:y|ies))?/, 'cron job for execution/persistence', ['The IRC bot also registers itself inside cron for recurring execution.'],
    ['The backup runs nightly from crontab.']),
  P('T1569.002', 'context', /sc(?:\.exe)? (?:start|create)|services? (?:that|which|to) (?:will )?(?:run|execute|launch)s?|service execution|(?:runs?|executes?|launch\w*) (?:\w+ ){0,3}as a service/,
    'payload executed through a Windows service', ['The BAT script registers a new service that will run its VBS script using sc.exe.']),
  P('T1106', 'context', /(?:native|Windows) API (?:calls?|functions?)|(?:calls?|uses?|using|invok\w*) (?:the )?(?:Windows |native )?API functions?/, 'native OS API calls', ['The loader resolves and calls Windows API functions such as VirtualAlloc.']),

  // ── Persistence / privilege escalation ──────────────────────────────────────────────────────────
  P('T1547.001', 'strong', /\\?CurrentVersion\\Run(?:Once)?|(?:registry )?run keys?|Run registry keys?|startup folder|autorun (?:registry )?(?:keys?|entr(?:y|ies))/, 'Run key or Startup folder persistence',
    ['The malware registers its file under the Run key.', 'It creates a registry key under \\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run.']),
  P('T1547.004', 'context', /Winlogon(?: helper| Shell| Userinit)?|Userinit registry value/, 'Winlogon helper persistence', ['The BAT file is run on logon as another UI shell by Winlogon.']),
  P('T1543.003', 'context', /(?:creat\w*|register\w*|install(?:s|ed|ing)?|adds|added|adding) (?:an? |the )?(?:new )?(?:malicious |Windows |system |rogue )?services?|new service/, 'new Windows service for persistence',
    ['The dropper creates a new service for persistence.'], ['Restart the service after updating the configuration.']),
  P('T1136', 'context', /creat\w* (?:an? )?(?:new )?(?:local |domain |admin\w* |privileged |hidden )?(?:user|account)s?(?! interface)/, 'attacker creates an account',
    ['The batch files create a new admin user on each host.']),
  P('T1548.002', 'strong', /UAC bypass|bypass\w* (?:the )?(?:UAC|User Account Control)|fodhelper(?:\.exe)?|eventvwr(?:\.exe)? hijack\w*/, 'UAC bypass', ['Some variants used a known UAC bypass method abusing fodhelper.exe.']),
  P('T1574.001', 'strong', /DLL side-?loading|side-?load\w* (?:a |the )?(?:malicious )?(?:DLL|library)|DLL (?:search[- ]order )?hijack\w*/, 'DLL search-order hijacking / side-loading',
    ['The signed binary side-loads a malicious DLL.']),
  P('T1505.003', 'strong', /web ?shells?|(?:ASPX|JSP|PHP) (?:web ?)?(?:shells?|backdoors?)|malicious (?:ASPX|JSP|PHP) (?:files?|payloads?|pages?)/, 'web shell on a server',
    ['Attackers are dropping malicious ASPX payloads.', 'The PHP web shell had reverse shell capabilities.']),
  P('T1068', 'context', /privilege escalation (?:vulnerabilit\w*|exploit\w*|flaws?|bugs?)|exploit\w* (?:\w+ ){0,5}to (?:escalate|elevate|gain) (?:\w+ )?privileges/, 'exploit for privilege escalation',
    ['The actors exploited a kernel driver to escalate privileges to SYSTEM.']),
  P('T1078', 'context', /(?:valid|legitimate|stolen|compromised) (?:admin\w* |user |domain |privileged )?(?:accounts?|credentials)(?! (?:of|for) (?:the )?(?:users|customers))/, 'use of valid accounts',
    ['The actors used a legitimate admin account to remotely log on to the domain controller.'], ['Sign in with valid credentials to continue.']),

  // ── Defense evasion ─────────────────────────────────────────────────────────────────────────────
  P('T1027', 'context', /obfuscat(?:ed|es|ion|ing|or)/, 'obfuscated code or files', ['Crimson RAT variants implement different obfuscation techniques.']),
  P('T1027.001', 'context', /padded (?:with|file|binary|executable)|(?:binary|file) padding|(?:inflat|pump)\w* (?:the )?file size/, 'binary padding',
    ['It included a standalone file padded with over 200MB of blank spaces.']),
  P('T1027.002', 'strong', /packed (?:with|using|by) \w+|UPX(?: packer)?|(?:software )?packers?|unpack(?:s|ed|ing)? (?:itself|the (?:final )?payload)/, 'packed executable',
    ['The samples are packed with UPX Packer.', 'A series of scripts decode or unpack the final payload.']),
  P('T1027.009', 'context', /embedded (?:payloads?|executables?|PE files?|DLLs?|archives?|shellcode)/, 'payload embedded in another file', ['The document carries an embedded executable.']),
  P('T1027.006', 'strong', /HTML smuggling/, 'HTML smuggling', ['The attachment uses HTML smuggling to drop an ISO.']),
  P('T1140', 'context', /(?:decod|decrypt|deobfuscat|decompress|de-obfuscat)(?:es|ed|ing|e)? (?:the |its |an? |this )?(?:\w+ ){0,3}(?:payloads?|DLLs?|executables?|shellcode|scripts?|files?|strings?|configuration|config|data|binar(?:y|ies)|modules?|commands?|archives?)|certutil(?:\.exe)? [^\n]{0,40}-?decode|base64[- ]decod\w*/,
    'decoding or decrypting a payload', ['The CMD file uses certutil to decode the DLL.', 'Decompressing the compressed file reveals a large file.']),
  P('T1055', 'strong', /inject(?:s|ed|ing)? (?:\w+ ){0,4}(?:into|within|in)\b|injected with|process injection/, 'code injected into another process',
    ['The decoded DLL injects Qakbot into wermgr.exe.', 'The malware is injected and executed within the normal Windows process mstsc.exe.']),
  P('T1055.012', 'strong', /process hollowing|hollow\w* (?:out )?(?:a |the )?(?:legitimate )?process/, 'process hollowing', ['The loader uses process hollowing on svchost.exe.']),
  P('T1055.001', 'context', /DLL injection|inject\w* (?:a |the |its |malicious )?DLL/, 'DLL injection', ['The backdoor injects a DLL into explorer.exe.']),
  P('T1620', 'context', /reflective(?:ly)? (?:load\w*|DLL (?:injection|loading))|load\w* (?:\w+ ){0,3}directly into memory/, 'reflective code loading', ['The stager reflectively loads the DLL.']),
  P('T1564.001', 'strong', /hidden (?:folders?|files?|director(?:y|ies))|attrib(?:\.exe)? \+h|(?:sets?|setting) (?:the )?hidden attribute/, 'hidden files or folders',
    ['The mounted file contains a hidden folder.']),
  P('T1564.003', 'context', /-w(?:indowstyle)? hidden|hidden window/, 'hidden window', ['powershell -WindowStyle Hidden -enc …']),
  P('T1036.005', 'context', /masquerad\w* as (?:an? |the )?(?:legitimate|legit|normal|real|genuine|Windows|system|update)|(?:appear|look|pose|posing|disguis\w*) (?:as|like) (?:an? )?(?:legitimate|normal|genuine) (?:files?|process\w*|programs?|applications?|updates?|Windows)|named after (?:a |an )?(?:legitimate|system)/,
    'named like a legitimate file or location', ['It copies itself as onedrivenew.exe to appear as a normal file.', 'The package executes Crimson RAT masquerading as an update process.'],
    ['The actor registered typo-squatted domains masquerading as legitimate organizations.'], undefined, /\bdomains?\b/i),
  P('T1036.008', 'context', /(?:masquerad|disguis)\w* as (?:an? )?(?:benign |legitimate |harmless )?(?:file ?types?|PDFs?|documents?|folders?|images?|zip(?: files?)?|text files?)/,
    'file made to look like another file type', ['Shortcut files masquerading as benign filetypes such as PDFs.', 'An executable disguised as a PDF document.']),
  P('T1036.007', 'strong', /double (?:file )?extensions?/, 'double file extension', ['The attachment uses a double extension such as invoice.pdf.exe.']),
  P('T1070.004', 'context', /(?:deletes?|deleted|deleting|removes?|removed|removing|wipes?) (?:itself|its own (?:file|binary|executable)|the (?:original|dropped|downloaded|initial) (?:files?|executables?|payloads?|droppers?|binar(?:y|ies)|scripts?))|self-?delet\w*|(?:original|dropped|initial) (?:files?|executables?|payloads?|droppers?) (?:is|was|are|were|gets) (?:then )?(?:deleted|removed)|delete files upon completion/,
    'file deletion to remove traces', ['The original file is deleted using the cmd command.', 'The dropper deletes itself after execution.']),
  P('T1070.001', 'strong', /clear\w* (?:the )?(?:Windows )?(?:event|security|system|application) logs?|wevtutil(?:\.exe)? cl|delet\w* (?:\w+ ){0,6}event logs/, 'clearing Windows event logs',
    ['The script clears the Windows event logs with wevtutil cl.']),
  P('T1562.001', 'context', /(?:disabl|deactivat|turn\w* off|kill|terminat|tamper\w* with|uninstall|stop)\w* (?:\w+ ){0,3}(?:antivirus|anti-virus|AV|EDR|Defender|security (?:software|products?|tools?|services?)|endpoint protection|real-time (?:protection|monitoring))/,
    'disabling security tools', ['The threat actor deactivated antivirus protocols.', 'The script disables Windows Defender real-time protection.']),
  P('T1562.009', 'context', /(?:reboot|restart|boot)\w* (?:\w+ ){0,5}(?:in|into) Safe[- ]Mode|Safe[- ]Mode (?:boot|with networking)/, 'safe mode boot to evade defences',
    ['Set the next reboot to be in Safe Mode using bcdedit.exe.']),
  P('T1553.005', 'strong', /mark[- ]of[- ]the[- ]web|MOTW/, 'Mark-of-the-Web bypass', ['ISO files let payloads evade Mark-of-the-Web.']),
  P('T1553.002', 'context', /signed with (?:an? )?(?:stolen|valid|legitimate|revoked|leaked|fraudulent) (?:code[- ]signing )?certificates?/, 'malware signed with a valid certificate',
    ['The driver was signed with a stolen certificate.']),
  P('T1497.001', 'context', /(?:detect|check|look)\w* (?:\w+ ){0,3}(?:virtual machines?|VMs?|sandbox(?:es)?|VirtualBox|VMware|Hyper-V|QEMU)(?! (?:Tools|Workstation|Carbon))|anti-(?:VM|sandbox)/, 'virtualization/sandbox checks',
    ['The loader checks for VirtualBox and sandbox artefacts.']),
  P('T1622', 'context', /anti-?debug\w*|(?:detect|check)\w* (?:\w+ ){0,3}debuggers?|IsDebuggerPresent/, 'debugger evasion', ['The sample uses anti-debugging checks.']),
  P('T1218.011', 'context', /rundll32(?:\.exe)?/, 'Rundll32 proxy execution', ['The decoded DLL is then executed using rundll32.']),
  P('T1218.005', 'context', /mshta(?:\.exe)?/, 'Mshta proxy execution', ['The task runs mshta.exe to fetch the script.']),
  P('T1218.010', 'context', /regsvr32(?:\.exe)?/, 'Regsvr32 proxy execution', ['The DLL is registered with regsvr32.exe.']),
  P('T1218.007', 'context', /msiexec(?:\.exe)?/, 'Msiexec proxy execution', ['The loader runs msiexec.exe to install a remote MSI.']),
  P('T1197', 'context', /bitsadmin(?:\.exe)?|BITS jobs?/, 'BITS jobs', ['The script uses bitsadmin to download the payload.']),
  P('T1112', 'context', /(?:modif\w+|chang\w+|sets?|setting|adds?|adding|creat\w+|writ\w+|delet\w+|alter\w*) (?:\w+ ){0,2}(?:registry|reg) (?:keys?|values?|entr(?:y|ies)|settings?)|reg(?:\.exe)? add|using reg\.exe|(?:sets?|writes?|stores?) (?:\w+ ){0,3}in(?:to)? the registry/,
    'registry modification (a Run key is T1547.001)', ['It sets in the registry a BAT file to be run on logon.', 'Sets the service to run also in Safe-Mode using reg.exe.'],
    ['The malware establishes persistence by creating a registry key under \\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run.'], undefined, /CurrentVersion\\Run|\bRun (?:registry )?keys?\b/i),
  P('T1484.001', 'context', /(?:modif\w*|abus\w*|creat\w*|push\w*|edit\w*) (?:\w+ ){0,2}(?:Group Policy(?: Objects?)?|GPOs?)/, 'Group Policy modification',
    ['The threat actor modified Group Policy Objects to deploy the ransomware.']),

  // ── Credential access ───────────────────────────────────────────────────────────────────────────
  P('T1003.001', 'strong', /(?:dump\w*|dumps of|access\w*|read\w*) (?:\w+ ){0,2}LSASS|LSASS(?:\.exe)? (?:\w+ )?(?:dumps?|memory|process)|mimikatz|sekurlsa/, 'LSASS memory dumping',
    ['The activity thereafter included dumps of LSASS.']),
  P('T1003.003', 'strong', /NTDS\.dit|ntdsutil/, 'NTDS.dit theft', ['They copied NTDS.dit with ntdsutil.']),
  P('T1555.003', 'context', /(?:steal|harvest|extract|collect|dump|grab)\w* (?:\w+ ){0,3}(?:browser|Chrome|Firefox|Edge|Chromium)(?:-based)? (?:\w+ )?(?:passwords|credentials|cookies|login data|autofill)|credentials (?:stored )?in (?:web )?browsers/,
    'credentials from web browsers', ['The stealer harvests saved browser passwords and cookies.']),
  P('T1539', 'context', /(?:steal|exfiltrat|harvest|hijack)\w* (?:\w+ ){0,2}(?:session )?cookies/, 'session cookie theft', ['The infostealer steals session cookies.']),
  P('T1056.001', 'context', /keylog\w*|(?:log|record|captur)\w* (?:\w+ )?keystrokes/, 'keylogging', ['The RAT includes a keylogger.']),
  P('T1110', 'context', /brute[- ]?forc\w*/, 'brute-force login', ['GoBruteforcer tries to get access to the server via brute force.']),
  P('T1110.003', 'strong', /password[- ]spray\w*/, 'password spraying', ['The actor ran a password spraying campaign.']),
  P('T1110.004', 'strong', /credential stuffing/, 'credential stuffing', ['Accounts were taken over by credential stuffing.']),
  P('T1558.003', 'strong', /kerberoast\w*/, 'Kerberoasting', ['The actors performed Kerberoasting against service accounts.']),
  P('T1621', 'strong', /MFA (?:fatigue|bombing|spam\w*)|push (?:notification )?(?:fatigue|bombing)/, 'MFA request flooding', ['The attackers used MFA fatigue to get in.']),
  P('T1557', 'strong', /adversary-in-the-middle|man-in-the-middle|\bAiTM\b/, 'adversary in the middle', ['An AiTM phishing kit proxied the login.']),

  // ── Discovery ───────────────────────────────────────────────────────────────────────────────────
  P('T1057', 'context', /(?:enumerat|list|collect|gather|check|query|inspect)\w* (?:the |all )?(?:running |active )?process(?:es| lists?)|process (?:enumerations?|discovery|listing)|tasklist(?:\.exe)?/,
    'process discovery', ['The activity included system and process enumerations.']),
  P('T1082', 'context', /(?:collect|gather|harvest|exfiltrat|send)\w* (?:\w+ ){0,2}(?:system|host|OS|computer|machine) (?:information|info|details|profile)|system information discovery|systeminfo(?:\.exe)?/,
    'system information discovery', ['The backdoor collects system information such as the OS version.']),
  P('T1083', 'context', /(?:enumerat|list|search|scan|walk)\w* (?:\w+ ){0,2}(?:files|directories|folders|drives)(?: and (?:directories|folders|drives|files))?/, 'file and directory discovery',
    ['Features of Crimson RAT include enumerating files and drives.']),
  P('T1518.001', 'context', /(?:look\w*|check\w*|search\w*|enumerat\w*|query\w*|identif\w*) (?:for )?(?:\w+ ){0,3}(?:antivirus|anti-virus|AV|EDR|security (?:software|products?|solutions?|tools?)|endpoint protection)(?: software| products?)?/,
    'security software discovery', ['Upon execution, the malware immediately begins to look for EDR and antivirus software.']),
  P('T1016', 'context', /ipconfig(?:\.exe)?|network configuration (?:discovery|information)|(?:collect|gather)\w* (?:\w+ ){0,2}(?:IP|MAC) address(?:es)?/, 'network configuration discovery',
    ['The implant runs ipconfig /all and sends the result.']),
  P('T1049', 'context', /netstat(?:\.exe)?/, 'network connections discovery', ['The script runs netstat -ano.']),
  P('T1033', 'context', /whoami(?:\.exe)?/, 'system owner/user discovery', ['The operator ran whoami after login.']),
  P('T1087', 'context', /net user(?: \/domain)?|account discovery|(?:enumerat|list)\w* (?:\w+ ){0,2}(?:user )?accounts/, 'account discovery', ['The actors enumerated domain accounts with net user /domain.']),
  P('T1482', 'strong', /nltest(?:\.exe)?|domain trust discovery/, 'domain trust discovery', ['The actors ran nltest /domain_trusts.']),
  P('T1018', 'context', /(?:discover|enumerat|scan|list)\w* (?:\w+ ){0,3}(?:remote|other|neighbou?ring) (?:hosts|systems|machines|computers)|net view/, 'remote system discovery',
    ['The malware enumerates other hosts on the network with net view.']),
  P('T1046', 'context', /port[- ]?scan\w*|(?:scan\w*|discover\w*) (?:\w+ ){0,3}(?:for )?open ports/, 'network service discovery', ['The bot first port scans the subnet for open ports.']),
  P('T1012', 'context', /reg(?:\.exe)? query|quer(?:y|ies|ied|ying) (?:the )?registry/, 'registry query', ['The sample queries the registry for installed software.']),
  P('T1497.003', 'context', /(?:sleep|delay)\w* (?:\w+ ){0,3}(?:execution|before execut\w*)|time-based evasion/, 'time-based sandbox evasion', ['The loader delays its execution for 180 seconds.']),

  // ── Lateral movement ────────────────────────────────────────────────────────────────────────────
  P('T1021.001', 'context', /(?:via|over|using|through) (?:the )?(?:RDP|Remote Desktop(?: Protocol)?)|RDP (?:to|for) (?:move|pivot)|(?:move|moved|moving) laterally (?:\w+ ){0,4}RDP/, 'lateral movement over RDP',
    ['The actors often use RDP to move laterally across the network.']),
  P('T1021.002', 'context', /admin shares?|ADMIN\$|C\$ share|SMB shares? (?:to|for) (?:move|spread|copy)/, 'SMB / admin shares', ['The worm copies itself to ADMIN$ shares.']),
  P('T1570', 'strong', /PsExec(?=[^.]{0,80}lateral)|(?:copy|copies|copied|transfer\w*|push\w*) (?:\w+ ){0,3}(?:to )?(?:other|remote) (?:hosts|systems|machines)/, 'tool transfer between hosts',
    ['PsExec has also been used to aid lateral movement.']),
  P('T1091', 'context', /(?:spread|propagat|replicat|cop(?:y|ies))\w* (?:\w+ ){0,3}(?:via |through |to )?(?:USB|removable) (?:drives?|media|devices?)/, 'spreading through removable media',
    ['The worm spreads through USB drives.']),

  // ── Collection / C2 / exfiltration ─────────────────────────────────────────────────────────────
  P('T1113', 'context', /screenshots?|screen ?captur\w*|captur\w* (?:the )?screen/, 'screen capture', ['Features of Crimson RAT include capturing screenshots.']),
  P('T1115', 'context', /clipboard (?:data|contents?)|(?:steal|monitor|captur|read|hijack)\w* (?:the )?clipboard/, 'clipboard data', ['The stealer monitors the clipboard for wallet addresses.']),
  P('T1123', 'context', /(?:record|captur)\w* (?:\w+ ){0,2}(?:audio|microphone)/, 'audio capture', ['The RAT can record audio from the microphone.']),
  P('T1125', 'context', /webcam|(?:record|captur)\w* (?:\w+ ){0,2}video/, 'video capture', ['The RAT can take pictures with the webcam.']),
  P('T1005', 'context', /(?:steal|collect|harvest|exfiltrat|gather|grab)\w* (?:\w+ ){0,3}(?:files|documents|data) from (?:the )?(?:local (?:system|machine|host|drives?|disks?)|(?:infected|compromised) (?:hosts?|machines?|systems?|computers?|devices?)|victim'?s? (?:machines?|computers?|hosts?|systems?|devices?))/, 'data from the local system',
    ['The stealer collects documents from the infected host.']),
  P('T1560', 'context', /(?:compress|archiv|zip|rar)\w* (?:\w+ ){0,3}(?:collected|stolen|staged|harvested) (?:data|files|information)/, 'archiving collected data', ['The actors archived stolen data with WinRAR.']),
  P('T1041', 'context', /exfiltrat\w* (?:\w+ ){0,6}(?:over|via|through|using|to) (?:the |its |their )?(?:C2|C&C|command[- ]and[- ]control)/, 'exfiltration over the C2 channel',
    ['The stolen data is exfiltrated over the C2 channel.']),
  P('T1567.002', 'context', /exfiltrat\w* (?:\w+ ){0,6}(?:to|via) (?:cloud storage|Mega|MEGA|Dropbox|Google Drive|OneDrive|rclone)|rclone/, 'exfiltration to cloud storage',
    ['The actors exfiltrated data to Mega with rclone.']),
  P('T1105', 'context', /(?:download\w*|fetch\w*|retriev\w*|pull\w*) (?:\w+ ){0,4}(?:additional|further|second-stage|next-stage|more|other)? ?(?:payloads?|malware|tools?|executables?|binar(?:y|ies)|modules?|components?|stagers?|implants?)|(?:executables?|payloads?|binar(?:y|ies)|tools?|malware|DLLs?) (?:was|were|is|are) (?:then )?downloaded|certutil(?:\.exe)? [^\n]{0,30}-urlcache|Invoke-WebRequest|DownloadFile/,
    'ingress tool transfer', ['At the address, the executable was downloaded and then launched by cmd.exe.', 'Royal actors download multiple tools.'],
    ['Download the PDF version of this report.']),
  P('T1071.001', 'context', /(?:HTTPS?|web) (?:POST |GET )?(?:requests?|traffic|POST|GET|protocol)s? (?:to|for|with|over) (?:the |its )?(?:C2|C&C|command[- ]and[- ]control)|(?:C2|C&C|command[- ]and[- ]control) (?:\w+ ){0,4}(?:over|via|using) HTTPS?/, 'C2 over web protocols',
    ['The beacon sends HTTP POST requests to the C2 server.']),
  P('T1071.004', 'context', /DNS tunnel\w*|C2 (?:\w+ ){0,3}over DNS/, 'DNS as C2 channel', ['The backdoor uses DNS tunneling for C2.']),
  P('T1572', 'context', /tunnel\w* (?:tools?|traffic|over|through)|ngrok|\bChisel\b|plink(?:\.exe)?/, 'protocol tunnelling', ['Operators used Chisel, a tunneling tool transported over HTTP.']),
  P('T1219', 'context', /AnyDesk|TeamViewer|ScreenConnect|ConnectWise Control|NetSupport(?: Manager| RAT)?|Atera|Splashtop|RustDesk|LogMeIn|Ammyy|Remote Utilities|MeshCentral|SimpleHelp|remote (?:monitoring and management|administration|access|support|control) (?:software|tools?|applications?|utilit\w*)(?! \(RAT\))/,
    'legitimate remote access software abused', ['Criminals use stolen versions of NetSupport Manager to build RAT packages.']),
  P('T1568.002', 'strong', /domain generation algorithms?|\bDGAs?\b/, 'domain generation algorithm', ['The malware uses a DGA to find its C2.']),
  P('T1102', 'context', /(?:Telegram|Discord|Pastebin|GitHub|Dropbox|Google Drive|Slack) (?:\w+ ){0,4}(?:for |as )?(?:C2|C&C|command[- ]and[- ]control)/, 'web service as C2', ['The bot uses Telegram as C2.']),
  P('T1090.003', 'context', /(?:C2|C&C|traffic|communication)\w* (?:\w+ ){0,4}(?:over|via|through) (?:the )?Tor(?: network)?/, 'C2 over Tor', ['The implant routes C2 traffic over the Tor network.']),

  // ── Impact ─────────────────────────────────────────────────────────────────────────────────────
  P('T1486', 'context', /encrypt\w* (?:the )?(?:victim'?s?'? |their |all |user |targeted |local |network )?(?:files|data|systems|drives|hosts|servers|documents)|ransomware encrypts?|file encryption/, 'data encrypted for impact',
    ['Your data are stolen and encrypted by the ransomware, which encrypts files on every drive.']),
  P('T1490', 'strong', /(?:delet|remov|wip|purg)\w* (?:the |all )?(?:volume )?shadow cop(?:y|ies)|vssadmin(?:\.exe)? [^\n]{0,30}delete|wbadmin [^\n]{0,20}delete|recoveryenabled no|inhibit (?:system )?recovery/,
    'inhibit system recovery', ['Use vssadmin.exe to delete shadow copies to prevent system recovery.']),
  P('T1489', 'context', /(?:stop|kill|terminat|disabl)\w* (?:\w+ ){0,3}(?:services|database processes)/, 'service stop', ['The ransomware stops backup services before encryption.']),
  P('T1529', 'context', /(?:reboot|restart|shut\w* down)(?:s|ed|ing)? (?:the )?(?:machine|system|host|computer|device)|forced? (?:a )?reboot/, 'system shutdown/reboot', ['The BAT script reboots the machine.']),
  P('T1485', 'context', /(?:overwrit\w*|destroy\w*|wip\w*) (?:\w+ ){0,3}(?:files|data|disks?)|wiper malware/, 'data destruction', ['The malicious code overwrites arbitrary files.']),
  P('T1496', 'context', /crypto-?min(?:ers?|ing)|coin-?min(?:ers?|ing)|XMRig|cryptojack\w*/, 'resource hijacking for mining', ['The botnet deploys XMRig coinminers.']),
  P('T1498', 'context', /DDoS(?: attacks?)?|denial[- ]of[- ]service (?:attacks?|floods?)/, 'network denial of service', ['The botnet launched DDoS attacks against banks.'],
    ['CVE-2023-1 is a denial of service vulnerability.']),

  // ── Resource development ────────────────────────────────────────────────────────────────────────
  P('T1583.001', 'context', /typo-?squat\w*(?: domains?)?|look-?alike domains?|(?:regist\w*|establish\w*|purchas\w*|acquir\w*|set(?:ting)? up) (?:\w+ ){0,3}domains?/, 'attacker-registered domains',
    ['The threat actor was observed establishing typo-squatted domains.'], ['Register your domain with a trusted registrar.']),
  P('T1656', 'context', /impersonat\w* (?:\w+ ){0,2}(?:IT|help ?desk|support staff|technical support|executives?|CEO|CFO)/, 'impersonating staff', ['Callers impersonated the help desk.']),
];
