// Initial access and delivery: phishing, lures, exploitation of public-facing apps, web shells, supply chain.
import { CTIME, TSTATS } from '../spl-parts';
import type { CatalogueHunt } from '../types';

// Script hosts and shells a lure or an exploited server hands control to (Defender FileName / CIM process_name).
const SHELLS = '"cmd.exe", "powershell.exe", "pwsh.exe", "wscript.exe", "cscript.exe", "mshta.exe", "rundll32.exe", "regsvr32.exe", "certutil.exe", "bitsadmin.exe"';
const SPL_SHELLS = '("cmd.exe", "powershell.exe", "pwsh.exe", "wscript.exe", "cscript.exe", "mshta.exe", "rundll32.exe", "regsvr32.exe", "certutil.exe", "bitsadmin.exe")';
const UNIX_SHELLS = '"sh", "bash", "dash", "zsh", "curl", "wget", "nc", "ncat", "python", "python3", "perl"';

const ctime = ['| `security_content_ctime(firstTime)`', '| `security_content_ctime(lastTime)`'];

export function initialAccessHunts(): CatalogueHunt[] {
  return [
    {
      id: 'UC_PHISHING_LINK_CLICK',
      title: 'User clicked a link delivered by e-mail',
      description: 'Joins the URLs found in inbound mail with the clicks on them: Safe Links click events in Defender, and proxy ' +
        'requests to a URL that arrived in a message in Splunk. A phishing link only matters once somebody follows it; this ' +
        'lists who clicked what, from which sender, so the reported campaign can be scoped to real victims.',
      phase: 'delivery',
      techniques: ['T1566.002', 'T1204.001'],
      telemetry: { splunk: ['Email.All_Email', 'Web.Web'], defender: ['UrlClickEvents', 'EmailUrlInfo', 'EmailEvents'] },
      trigger: {
        techniques: ['T1566.002', 'T1204.001'],
        phrases: [/(?:phishing|malicious|spear-?phishing|weaponi[sz]ed) (?:links?|URLs?|hyperlinks?)/i, /click\w* (?:on )?(?:an? |the )?(?:malicious |embedded |phishing )?(?:links?|URLs?|hyperlinks?|button) (?:in|inside|within) (?:an? |the )?(?:e-?mail|message)/i,
          /(?:links?|URLs?) (?:from|in|inside|within) (?:the |an? )?(?:malicious|phishing|spam|malspam) (?:e-?mails?|messages?)/i],
      },
      spl: [
        TSTATS,
        '  from datamodel=Email.All_Email where All_Email.url=*',
        '  by All_Email.src_user All_Email.recipient All_Email.subject All_Email.url',
        '| `drop_dm_object_name(All_Email)`',
        '| join type=inner url',
        '    [| tstats `security_content_summariesonly` count as clicks min(_time) as clickTime from datamodel=Web.Web',
        '       where Web.action="allowed" by Web.url Web.user Web.src',
        '     | `drop_dm_object_name(Web)`]',
        '| where clickTime >= firstTime',
        ...ctime,
        '| table firstTime lastTime src_user recipient subject url user src clicks',
      ].join('\n'),
      kql: [
        'UrlClickEvents',
        '| where Timestamp > ago(30d)',
        '| where ActionType in ("ClickAllowed", "ClickedThrough") or IsClickedThrough',
        '| join kind=inner (EmailUrlInfo | where Timestamp > ago(30d) | project NetworkMessageId, Url) on NetworkMessageId, Url',
        '| join kind=leftouter (EmailEvents | where Timestamp > ago(30d) | project NetworkMessageId, SenderFromAddress, Subject) on NetworkMessageId',
        '| project Timestamp, AccountUpn, Url, ActionType, IsClickedThrough, SenderFromAddress, Subject, ThreatTypes, IPAddress',
        '| order by Timestamp desc',
      ].join('\n'),
      sigmaUnsupported: 'it joins URL clicks from Defender for Office 365 to the e-mail that carried the URL, and Sigma has no log source for clicks on links in delivered mail.',
      falsePositives: ['Newsletters and marketing mail are clicked all day; narrow by sender domain, URL domain age or the campaign\'s lure subject.'],
      examples: {
        fire: ['The victim received an e-mail with a phishing link to a fake login page.', 'URL from the malicious email: a tracking link to the ZIP download.', 'Users who clicked the link in the email were sent to the payload.'],
        quiet: ['We recommend that users report phishing links to the SOC.', 'The release notes link to the changelog.', 'No malicious URLs were found in the messages.'],
      },
    },
    {
      id: 'UC_MALICIOUS_ATTACHMENT_OPENED',
      title: 'Risky e-mail attachment saved and opened by the mail client',
      description: 'Finds files with executable, script, archive, disk-image or macro-document extensions that the mail client writes ' +
        'to disk (the copy Outlook makes when a user opens an attachment), and in Defender the attachments of inbound mail whose ' +
        'SHA256 then appears on a device. A lure attachment that reaches a disk is the step between delivery and execution.',
      phase: 'delivery',
      techniques: ['T1566.001', 'T1204.002'],
      telemetry: { splunk: ['Endpoint.Filesystem'], defender: ['EmailAttachmentInfo', 'DeviceFileEvents'] },
      trigger: {
        techniques: ['T1566.001'],
        phrases: [/(?:malicious|weaponi[sz]ed|booby-trapped|rigged) (?:e-?mail )?attachments?/, /open\w* (?:the |an? )?(?:malicious |weaponi[sz]ed )?(?:e-?mail )?attachment/, /attachments? (?:named|called)/],
      },
      spl: [
        TSTATS,
        '  from datamodel=Endpoint.Filesystem',
        '  where Filesystem.process_name IN ("outlook.exe", "thunderbird.exe", "olk.exe")',
        '    Filesystem.file_name IN ("*.iso", "*.img", "*.vhd", "*.vhdx", "*.lnk", "*.zip", "*.rar", "*.7z", "*.js", "*.jse", "*.vbs", "*.vbe", "*.wsf", "*.hta", "*.html", "*.one", "*.docm", "*.xlsm", "*.xlam", "*.exe", "*.scr", "*.cpl")',
        '  by Filesystem.dest Filesystem.user Filesystem.process_name Filesystem.file_name Filesystem.file_path',
        '| `drop_dm_object_name(Filesystem)`',
        ...ctime,
      ].join('\n'),
      kql: [
        'let risky = dynamic(["iso", "img", "vhd", "vhdx", "lnk", "zip", "rar", "7z", "js", "jse", "vbs", "vbe", "wsf", "hta", "html", "one", "docm", "xlsm", "xlam", "exe", "scr", "cpl"]);',
        'EmailAttachmentInfo',
        '| where Timestamp > ago(30d)',
        '| extend Ext = tolower(tostring(split(FileName, ".")[-1]))',
        '| where Ext in (risky) and isnotempty(SHA256)',
        '| join kind=inner (DeviceFileEvents | where Timestamp > ago(30d) | project FileTime = Timestamp, DeviceName, SHA256, FolderPath, InitiatingProcessFileName) on SHA256',
        '| project Timestamp, FileTime, SenderFromAddress, RecipientEmailAddress, FileName, SHA256, DeviceName, FolderPath, InitiatingProcessFileName, ThreatTypes',
        '| order by FileTime desc',
      ].join('\n'),
      sigmaUnsupported: 'it joins e-mail attachment records to endpoint file events by SHA-256, and Sigma has neither an e-mail attachment log source nor a join on a hash across log sources.',
      falsePositives: ['Archives and installers are mailed legitimately between partners; review the sender and whether a process started from the file.'],
      examples: {
        fire: ['The emails carry a malicious attachment disguised as an invoice.', 'When the victim opens the attachment, the macro runs.', 'The lure is an attachment named Invoice_2026.zip.'],
        quiet: ['Block risky attachments at the mail gateway.', 'The report is attached as a PDF for our customers.', 'No malicious attachments were observed.'],
      },
    },
    {
      id: 'UC_OFFICE_SPAWNS_SCRIPT_HOST',
      title: 'Office application starts a shell or script host',
      description: 'Word, Excel, PowerPoint, Outlook, OneNote and the Hancom/Publisher family almost never start command shells, ' +
        'PowerShell, script hosts or proxy binaries. When one does, a macro, an embedded object or a document exploit is ' +
        'running code: the classic first execution step of a malicious document.',
      phase: 'exploit',
      techniques: ['T1204.002', 'T1059', 'T1566.001'],
      telemetry: { splunk: ['Endpoint.Processes'], defender: ['DeviceProcessEvents'] },
      trigger: {
        phrases: [
          /(?:malicious|weaponi[sz]ed|embedded|obfuscated|auto-?open|VBA) macros?/, /macro-enabled (?:documents?|files?|spreadsheets?|workbooks?|templates?)/,
          /enable (?:the )?(?:editing|content|macros)/, /(?:malicious|weaponi[sz]ed|booby-trapped|lure) (?:Microsoft )?(?:Office|Word|Excel|PowerPoint|Hancom|HWP|OneNote) (?:documents?|files?|attachments?|spreadsheets?|workbooks?)/i,
          /macros? (?:code )?(?:creates?|drops?|downloads?|executes?|launch(?:es)?|decompress(?:es)?|extracts?|deploys?|installs?)/, /(?:Word|Excel|PowerPoint|Office|OneNote|WINWORD\.EXE|EXCEL\.EXE) (?:document |process |application |file )?(?:spawns?|spawned|launch(?:es|ed)|starts?|started) (?:cmd|powershell|mshta|wscript|cscript|rundll32|regsvr32|a (?:shell|command|script|process))/,
        ],
      },
      spl: [
        TSTATS,
        '  from datamodel=Endpoint.Processes',
        '  where Processes.parent_process_name IN ("winword.exe", "excel.exe", "powerpnt.exe", "outlook.exe", "onenote.exe", "mspub.exe", "msaccess.exe", "visio.exe", "hwp.exe")',
        `    Processes.process_name IN ${SPL_SHELLS}`,
        '  by Processes.dest Processes.user Processes.parent_process_name Processes.process_name Processes.process',
        '| `drop_dm_object_name(Processes)`',
        ...ctime,
      ].join('\n'),
      kql: [
        'DeviceProcessEvents',
        '| where Timestamp > ago(30d)',
        '| where InitiatingProcessFileName in~ ("winword.exe", "excel.exe", "powerpnt.exe", "outlook.exe", "onenote.exe", "mspub.exe", "msaccess.exe", "visio.exe", "hwp.exe")',
        `| where FileName in~ (${SHELLS})`,
        '| project Timestamp, DeviceName, AccountName, InitiatingProcessFileName, InitiatingProcessCommandLine, FileName, ProcessCommandLine',
        '| order by Timestamp desc',
      ].join('\n'),
      sigma: {
        logsource: { category: 'process_creation', product: 'windows' },
        detection: {
          selection_parent: { 'ParentImage|endswith': ['\\winword.exe', '\\excel.exe', '\\powerpnt.exe', '\\outlook.exe', '\\onenote.exe', '\\mspub.exe', '\\msaccess.exe', '\\visio.exe', '\\hwp.exe'] },
          selection_child: { 'Image|endswith': ['\\cmd.exe', '\\powershell.exe', '\\pwsh.exe', '\\wscript.exe', '\\cscript.exe', '\\mshta.exe', '\\rundll32.exe', '\\regsvr32.exe', '\\certutil.exe', '\\bitsadmin.exe'] },
        },
        condition: 'all of selection_*',
      },
      falsePositives: ['Add-ins and document-management plug-ins sometimes start cmd.exe or PowerShell; baseline them by command line.'],
      examples: {
        fire: ['The document contains a malicious macro that downloads the loader.', 'The macros create and decompress an embedded archive.', 'A cluster of malicious Office documents distributes the RAT.', 'Victims are asked to enable content, after which WINWORD.EXE spawns powershell.', 'The group sent macro-enabled documents to the ministry.'],
        quiet: ['Organisations should disable macros from the internet.', 'The Excel workbook lists the affected versions.', 'Macros were not used in this campaign.'],
      },
    },
    {
      id: 'UC_HTML_SMUGGLING',
      title: 'Browser or mail client writes an archive, disk image or script (HTML smuggling)',
      description: 'HTML smuggling builds the payload inside the browser from JavaScript and saves it as a download, so the mail and web ' +
        'gateways only ever see an HTML page. The trace left on the endpoint is the browser writing an archive, disk image or script ' +
        'straight into the user\'s folders, often right after an HTML attachment was opened.',
      phase: 'delivery',
      techniques: ['T1027.006'],
      telemetry: { splunk: ['Endpoint.Filesystem'], defender: ['DeviceFileEvents'] },
      trigger: {
        techniques: ['T1027.006'],
        phrases: [/HTML[- ]smuggl\w*/i, /smuggl\w* (?:\w+ ){0,3}(?:inside|in|via|through|within) (?:an? |the )?(?:HTML|HTM|SVG|JavaScript)/, /(?:HTML|HTM|SVG) (?:attachments?|files?|pages?) (?:that |which )?(?:drops?|assembles?|builds?|decodes?|writes?|saves?|deliver\w*) (?:an? |the )?(?:ZIP|ISO|IMG|archive|disk image|payload|script)/],
      },
      spl: [
        TSTATS,
        '  from datamodel=Endpoint.Filesystem',
        '  where Filesystem.process_name IN ("chrome.exe", "msedge.exe", "firefox.exe", "brave.exe", "opera.exe", "iexplore.exe")',
        '    Filesystem.file_name IN ("*.iso", "*.img", "*.vhd", "*.vhdx", "*.zip", "*.rar", "*.7z", "*.js", "*.jse", "*.vbs", "*.hta", "*.lnk", "*.wsf")',
        '  by Filesystem.dest Filesystem.user Filesystem.process_name Filesystem.file_name Filesystem.file_path',
        '| `drop_dm_object_name(Filesystem)`',
        ...ctime,
      ].join('\n'),
      kql: [
        'DeviceFileEvents',
        '| where Timestamp > ago(30d)',
        '| where ActionType == "FileCreated"',
        '| where InitiatingProcessFileName in~ ("chrome.exe", "msedge.exe", "firefox.exe", "brave.exe", "opera.exe", "iexplore.exe")',
        '| where FileName matches regex @"(?i)\\.(iso|img|vhdx?|zip|rar|7z|jse?|vbs|hta|lnk|wsf)$"',
        // A smuggled file has no server behind it: the origin is a blob/data URL or empty.
        '| extend Origin = iff(isempty(FileOriginUrl), "none", FileOriginUrl)',
        '| where Origin == "none" or FileOriginUrl startswith "blob:" or FileOriginUrl startswith "data:"',
        '| project Timestamp, DeviceName, InitiatingProcessAccountName, InitiatingProcessFileName, FileName, FolderPath, FileOriginUrl, FileOriginReferrerUrl, SHA256',
        '| order by Timestamp desc',
      ].join('\n'),
      sigma: {
        logsource: { category: 'file_event', product: 'windows' },
        detection: {
          selection_browser: { 'Image|endswith': ['\\chrome.exe', '\\msedge.exe', '\\firefox.exe', '\\brave.exe', '\\opera.exe', '\\iexplore.exe'] },
          selection_file: { 'TargetFilename|endswith': ['.iso', '.img', '.vhd', '.vhdx', '.zip', '.rar', '.7z', '.js', '.jse', '.vbs', '.hta', '.lnk', '.wsf'] },
        },
        condition: 'all of selection_*',
        note: 'Sigma file events carry no origin URL, so this rule cannot keep only the files whose origin is a blob: or data: URL or none, as the KQL does: read the origin in the browser history or the Zone.Identifier stream.',
      },
      falsePositives: ['Web apps that generate exports client-side (reports, backups) also save blob: downloads; check the referrer and the file type.'],
      examples: {
        fire: ['The attachment uses HTML smuggling to deliver a password-protected ZIP.', 'An HTML attachment that drops a ZIP archive containing the ISO.'],
        quiet: ['Security teams should inspect HTML attachments.', 'The page is written in HTML and CSS.', 'HTML smuggling was not used here.'],
      },
    },
    {
      id: 'UC_DISK_IMAGE_LNK_DELIVERY',
      title: 'Disk image mounted, then a shortcut or binary runs from it',
      description: 'ISO, IMG and VHD containers hide their contents from mail filters and, on older systems, from Mark-of-the-Web. ' +
        'The victim double-clicks the image, Windows mounts it as a new drive, and a shortcut inside starts a script host, rundll32 ' +
        'or a binary. This hunt finds processes that start from a mounted image drive and shortcuts that launch shells.',
      phase: 'delivery',
      techniques: ['T1553.005', 'T1204.002'],
      telemetry: { splunk: ['Endpoint.Processes'], defender: ['DeviceFileEvents', 'DeviceProcessEvents'] },
      trigger: {
        techniques: ['T1553.005'],
        phrases: [
          /(?:malicious|weaponi[sz]ed|rogue) (?:ISO|IMG|VHDX?|disk image|LNK|shortcut)(?: files?| images?| attachments?)?/,
          /(?:ISO|IMG|VHDX?|disk image) (?:files? |images? )?(?:attachments?|attached)/, /(?:ISO|IMG|VHDX?) (?:files?|images?|archives?) (?:that )?(?:contain\w*|with|hold\w*|carr\w*)/,
          /mount\w* (?:the |an? )?(?:ISO|IMG|VHDX?|disk image)/, /LNK (?:files?|shortcuts?|payloads?)/, /\.lnk\)? (?:files?|shortcuts?)/i, /malicious (?:Windows )?shortcuts?/i,
        ],
      },
      spl: [
        TSTATS,
        '  from datamodel=Endpoint.Processes',
        `  where (Processes.parent_process_name="explorer.exe" Processes.process_name IN ${SPL_SHELLS} Processes.process IN ("*.lnk*", "*\\\\Desktop\\\\*", "*\\\\Downloads\\\\*"))`,
        '    OR (Processes.process_path IN ("D:\\\\*", "E:\\\\*", "F:\\\\*", "G:\\\\*") Processes.parent_process_name="explorer.exe")',
        '  by Processes.dest Processes.user Processes.parent_process_name Processes.process_name Processes.process_path Processes.process',
        '| `drop_dm_object_name(Processes)`',
        ...ctime,
      ].join('\n'),
      kql: [
        'let images = DeviceFileEvents',
        '  | where Timestamp > ago(30d)',
        '  | where FileName matches regex @"(?i)\\.(iso|img|vhdx?)$"',
        '  | summarize ImageSeen = min(Timestamp) by DeviceId, Image = FileName;',
        'DeviceProcessEvents',
        '| where Timestamp > ago(30d)',
        '| where InitiatingProcessFileName =~ "explorer.exe"',
        // A mounted image gets a new drive letter; system drives and network shares are excluded.
        '| where FolderPath matches regex @"^[D-Zd-z]:\\\\"',
        `    or (FileName in~ (${SHELLS}) and ProcessCommandLine has ".lnk")`,
        '| join kind=inner images on DeviceId',
        '| where Timestamp between (ImageSeen .. (ImageSeen + 1h))',
        '| project Timestamp, DeviceName, AccountName, Image, FileName, FolderPath, ProcessCommandLine, SHA256',
        '| order by Timestamp desc',
      ].join('\n'),
      sigma: {
        logsource: { category: 'process_creation', product: 'windows' },
        detection: {
          selection_parent: { 'ParentImage|endswith': '\\explorer.exe' },
          selection_mounted: { 'Image|startswith': ['D:\\', 'E:\\', 'F:\\', 'G:\\', 'H:\\', 'I:\\', 'J:\\', 'K:\\', 'L:\\', 'M:\\', 'N:\\', 'O:\\', 'P:\\', 'Q:\\', 'R:\\', 'S:\\', 'T:\\', 'U:\\', 'V:\\', 'W:\\', 'X:\\', 'Y:\\', 'Z:\\'] },
          selection_lnk_child: {
            'Image|endswith': ['\\cmd.exe', '\\powershell.exe', '\\pwsh.exe', '\\wscript.exe', '\\cscript.exe', '\\mshta.exe', '\\rundll32.exe', '\\regsvr32.exe', '\\certutil.exe', '\\bitsadmin.exe'],
            'CommandLine|contains': '.lnk',
          },
        },
        condition: 'selection_parent and (selection_mounted or selection_lnk_child)',
        note: 'The KQL also requires a disk image (.iso, .img, .vhd, .vhdx) written on the host in the hour before; check for one when this rule fires.',
      },
      falsePositives: ['Software distributed as ISO (installers, drivers) runs from a mounted drive; allow-list known publishers and signers.'],
      examples: {
        fire: ['The emails carry a malicious ISO attachment named Invoice.iso.', 'In other cases, the zip contains a Windows shortcut (.lnk) file.', 'Once the victim mounts the IMG file, a LNK file runs the loader.', 'The ISO file contains a shortcut and a hidden DLL.'],
        quiet: ['Block ISO attachments at the gateway.', 'Pin a shortcut to the taskbar.', 'Download the ISO image of the distribution from the mirror.', 'The document follows ISO 27001 controls.'],
      },
    },
    {
      id: 'UC_CLICKFIX_PASTED_COMMAND',
      title: 'Command pasted into the Run dialog (ClickFix / fake CAPTCHA)',
      description: 'ClickFix and fake CAPTCHA pages copy a command to the clipboard and tell the visitor to press Win+R, paste and run ' +
        'it. Explorer then starts PowerShell, mshta or cmd with a download command, and the Run dialog history (RunMRU) keeps the ' +
        'pasted text. Both traces are rare in normal use, which makes this a precise hunt.',
      phase: 'exploit',
      techniques: ['T1204.004', 'T1059.001'],
      telemetry: { splunk: ['Endpoint.Registry', 'Endpoint.Processes'], defender: ['DeviceRegistryEvents', 'DeviceProcessEvents'] },
      trigger: {
        techniques: ['T1204.004'],
        phrases: [/ClickFix/, /fake (?:re)?CAPTCHAs?/, /(?:fake|bogus) (?:browser |Cloudflare |human )?(?:verification|update) (?:pages?|prompts?|checks?)/, /(?:paste|pasting|pasted) (?:\w+ ){0,3}(?:into|in) (?:the )?(?:Windows )?(?:Run dialog|Run box|Run prompt|terminal|command prompt|PowerShell)/, /(?:Win|Windows)(?: key)? ?\+ ?R/],
      },
      spl: [
        TSTATS,
        '  from datamodel=Endpoint.Registry',
        '  where Registry.registry_path="*\\\\Explorer\\\\RunMRU*"',
        '    Registry.registry_value_data IN ("*powershell*", "*pwsh*", "*mshta*", "*curl*", "*http*", "*iex*", "*cmd*/c*")',
        '  by Registry.dest Registry.user Registry.registry_path Registry.registry_value_name Registry.registry_value_data',
        '| `drop_dm_object_name(Registry)`',
        '| append',
        '    [| tstats `security_content_summariesonly` count min(_time) as firstTime max(_time) as lastTime from datamodel=Endpoint.Processes',
        '       where Processes.parent_process_name="explorer.exe" Processes.process_name IN ("powershell.exe", "pwsh.exe", "mshta.exe", "cmd.exe")',
        '         Processes.process IN ("*http*", "*iex*", "*invoke-expression*", "*-enc*", "*curl*")',
        '       by Processes.dest Processes.user Processes.process_name Processes.process',
        '     | `drop_dm_object_name(Processes)`]',
        ...ctime,
      ].join('\n'),
      kql: [
        'let runmru = DeviceRegistryEvents',
        '  | where Timestamp > ago(30d)',
        '  | where RegistryKey has @"\\Explorer\\RunMRU"',
        '  | where RegistryValueData has_any ("powershell", "pwsh", "mshta", "curl", "http", "iex")',
        '  | project Timestamp, DeviceName, Account = InitiatingProcessAccountName, Evidence = RegistryValueData, Source = "RunMRU";',
        'let launched = DeviceProcessEvents',
        '  | where Timestamp > ago(30d)',
        '  | where InitiatingProcessFileName =~ "explorer.exe" and FileName in~ ("powershell.exe", "pwsh.exe", "mshta.exe", "cmd.exe")',
        '  | where ProcessCommandLine has_any ("http", "iex", "invoke-expression", "-enc", "curl")',
        '  | project Timestamp, DeviceName, Account = AccountName, Evidence = ProcessCommandLine, Source = "explorer child";',
        'union runmru, launched',
        '| order by Timestamp desc',
      ].join('\n'),
      sigma: {
        logsource: { category: 'registry_set', product: 'windows' },
        detection: {
          selection: {
            'TargetObject|contains': '\\Explorer\\RunMRU\\',
            'Details|contains': ['powershell', 'pwsh', 'mshta', 'curl', 'http', 'iex'],
          },
        },
        condition: 'selection',
        note: 'This rule covers the Run-dialog history (RunMRU); the hunt also looks for the shells explorer.exe starts with a download or encoded command line.',
      },
      falsePositives: ['Power users paste admin one-liners into Win+R; their RunMRU entries rarely fetch from the internet, so review the URLs.'],
      examples: {
        fire: ['The site shows a fake CAPTCHA that tells visitors to press Win+R and paste the command.', 'This ClickFix lure copies a PowerShell command to the clipboard.', 'Victims end up pasting the script into the Run dialog.'],
        quiet: ['Users should never paste commands they do not understand.', 'The site uses a CAPTCHA to stop bots.', 'Press Ctrl+R to reload the page.'],
      },
    },
    {
      id: 'UC_PUBLIC_APP_SPAWNS_SHELL',
      title: 'Web or application server process starts a shell',
      description: 'IIS worker processes, Tomcat, Java application servers, Apache, nginx, PHP and the Exchange/SharePoint pools serve ' +
        'requests; they do not normally run cmd, PowerShell or a Unix shell. A shell under a server process is the usual sign ' +
        'that a vulnerability in the public-facing application (or a web shell) was used to run commands.',
      phase: 'exploit',
      techniques: ['T1190', 'T1059'],
      telemetry: { splunk: ['Endpoint.Processes'], defender: ['DeviceProcessEvents'] },
      trigger: {
        techniques: ['T1190'],
        phrases: [/(?:exploit\w*|compromis\w*) (?:\w+ ){0,3}(?:public-facing|internet-facing|externally[- ]facing) (?:servers?|applications?|apps?|appliances?|services?)/i, /(?:w3wp|tomcat|httpd|nginx|java|weblogic|php-cgi)(?:\.exe)? (?:process )?(?:spawn\w*|launch\w*|start\w*|execut\w*)/i],
      },
      spl: [
        TSTATS,
        '  from datamodel=Endpoint.Processes',
        '  where Processes.parent_process_name IN ("w3wp.exe", "tomcat*.exe", "java.exe", "javaw.exe", "httpd.exe", "nginx.exe", "php-cgi.exe", "UMWorkerProcess.exe", "java", "httpd", "nginx", "apache2", "php-fpm*", "node")',
        `    (Processes.process_name IN ${SPL_SHELLS} OR Processes.process_name IN (${UNIX_SHELLS}))`,
        '  by Processes.dest Processes.user Processes.parent_process_name Processes.process_name Processes.process',
        '| `drop_dm_object_name(Processes)`',
        ...ctime,
      ].join('\n'),
      kql: [
        'DeviceProcessEvents',
        '| where Timestamp > ago(30d)',
        '| where InitiatingProcessFileName in~ ("w3wp.exe", "java.exe", "javaw.exe", "httpd.exe", "nginx.exe", "php-cgi.exe", "UMWorkerProcess.exe", "java", "httpd", "nginx", "apache2", "node")',
        '    or InitiatingProcessFileName matches regex @"(?i)^(tomcat\\d*(\\.exe)?|php-fpm[\\d.]*)$"',
        `| where FileName in~ (${SHELLS}, ${UNIX_SHELLS})`,
        '| project Timestamp, DeviceName, AccountName, InitiatingProcessFileName, InitiatingProcessCommandLine, FileName, ProcessCommandLine',
        '| order by Timestamp desc',
      ].join('\n'),
      sigma: {
        logsource: { category: 'process_creation', product: 'windows' },
        detection: {
          selection_parent: { 'ParentImage|endswith': ['\\w3wp.exe', '\\java.exe', '\\javaw.exe', '\\httpd.exe', '\\nginx.exe', '\\php-cgi.exe', '\\UMWorkerProcess.exe'] },
          selection_parent_tomcat: { 'ParentImage|contains': '\\tomcat' },
          selection_child: { 'Image|endswith': ['\\cmd.exe', '\\powershell.exe', '\\pwsh.exe', '\\wscript.exe', '\\cscript.exe', '\\mshta.exe', '\\rundll32.exe', '\\regsvr32.exe', '\\certutil.exe', '\\bitsadmin.exe'] },
        },
        condition: '1 of selection_parent* and selection_child',
        note: 'Windows servers only: the hunt also covers Linux web servers (apache2, nginx, node, php-fpm starting sh, bash, curl or wget), which need a linux process_creation rule.',
      },
      falsePositives: ['Some Java and Node applications call shell scripts by design (build servers, monitoring); baseline the parent command lines.'],
      examples: {
        fire: ['The actors exploited an internet-facing application server to gain a foothold.', 'In the logs, w3wp.exe spawned cmd.exe to run whoami.'],
        quiet: ['Patch public-facing applications quickly.', 'Tomcat serves the application on port 8080.', 'The public-facing servers were not compromised.'],
      },
    },
    {
      id: 'UC_WEB_SHELL_WRITTEN',
      title: 'Script file written into a web server directory',
      description: 'A web shell is a script (ASPX, ASP, JSP, PHP) placed where the web server will execute it, giving the attacker a ' +
        'remote command prompt over HTTP. The hunt lists script files created in web roots (inetpub, Exchange and SharePoint ' +
        'layouts, Tomcat webapps, /var/www) by the server itself or by a shell, which is how exploited servers receive them.',
      phase: 'install',
      techniques: ['T1505.003'],
      telemetry: { splunk: ['Endpoint.Filesystem'], defender: ['DeviceFileEvents'] },
      trigger: {
        techniques: ['T1505.003'],
        phrases: [/web ?shells?/, /China Chopper/, /(?:ASPX|JSP|PHP) (?:shells?|backdoors?)/],
      },
      spl: [
        TSTATS,
        '  from datamodel=Endpoint.Filesystem',
        '  where Filesystem.file_name IN ("*.aspx", "*.asp", "*.ashx", "*.asmx", "*.jsp", "*.jspx", "*.php", "*.phtml")',
        '    Filesystem.file_path IN ("*\\\\inetpub\\\\*", "*\\\\FrontEnd\\\\HttpProxy\\\\*", "*\\\\TEMPLATE\\\\LAYOUTS\\\\*", "*\\\\webapps\\\\*", "*/webapps/*", "/var/www/*", "*/htdocs/*")',
        '  by Filesystem.dest Filesystem.user Filesystem.process_name Filesystem.file_name Filesystem.file_path',
        '| `drop_dm_object_name(Filesystem)`',
        ...ctime,
      ].join('\n'),
      kql: [
        'DeviceFileEvents',
        '| where Timestamp > ago(30d)',
        '| where ActionType in ("FileCreated", "FileModified", "FileRenamed")',
        '| where FileName matches regex @"(?i)\\.(aspx?|ashx|asmx|jspx?|php|phtml)$"',
        '| where FolderPath has_any (@"\\inetpub\\", @"\\FrontEnd\\HttpProxy\\", @"\\TEMPLATE\\LAYOUTS\\", @"\\webapps\\", "/webapps/", "/var/www/", "/htdocs/")',
        '| project Timestamp, DeviceName, InitiatingProcessAccountName, InitiatingProcessFileName, InitiatingProcessCommandLine, FileName, FolderPath, SHA256',
        '| order by Timestamp desc',
      ].join('\n'),
      sigma: {
        logsource: { category: 'file_event', product: 'windows' },
        detection: {
          selection_ext: { 'TargetFilename|endswith': ['.asp', '.aspx', '.ashx', '.asmx', '.jsp', '.jspx', '.php', '.phtml'] },
          selection_folder: { 'TargetFilename|contains': ['\\inetpub\\', '\\FrontEnd\\HttpProxy\\', '\\TEMPLATE\\LAYOUTS\\', '\\webapps\\'] },
        },
        condition: 'all of selection_*',
        note: 'Windows web roots only: the hunt also covers /var/www, /htdocs and /webapps on Linux servers.',
      },
      falsePositives: ['Deployments write pages into web roots; compare with change windows and the deploying account (the server process itself is rarer).'],
      examples: {
        fire: ['The attackers dropped a web shell named spinstall0.aspx on the server.', 'A China Chopper variant was installed in the Exchange directory.'],
        quiet: ['Look for web shells on every Exchange server.', 'The web server hosts a PHP application.', 'No webshell was deployed.'],
      },
    },
    {
      id: 'UC_PACKAGE_INSTALL_SCRIPT',
      title: 'Package manager install script starts a shell or downloader',
      description: 'Malicious npm and PyPI packages run their code at install time (npm preinstall/postinstall hooks, setup.py). The ' +
        'package manager, node or Python then starts a shell, curl, wget or PowerShell to fetch the next stage or steal secrets. ' +
        'Developer workstations and build agents run installs often, but rarely see an install that spawns a downloader.',
      phase: 'exploit',
      techniques: ['T1195.001', 'T1059'],
      telemetry: { splunk: ['Endpoint.Processes'], defender: ['DeviceProcessEvents'] },
      trigger: {
        techniques: ['T1195.001'],
        phrases: [/(?:malicious|trojani[sz]ed|typo-?squat\w*) (?:(?:npm|PyPI|Python|pip|NuGet|RubyGems|JavaScript) )?(?:packages?|librar(?:y|ies))/i, /(?:pre|post)install (?:scripts?|hooks?|steps?)/, /(?:malicious|obfuscated|rogue) (?:install|installation|setup|postinstall|preinstall) (?:scripts?|hooks?)/, /malicious setup\.py/, /install(?:ation)? scripts? (?:that )?(?:download\w*|fetch\w*|runs?|execut\w*|launch\w*)/],
      },
      spl: [
        TSTATS,
        '  from datamodel=Endpoint.Processes',
        '  where Processes.parent_process_name IN ("node", "node.exe", "npm", "npm.cmd", "python", "python3", "python.exe", "pip", "pip3", "pip.exe")',
        '    Processes.process_name IN ("sh", "bash", "curl", "wget", "curl.exe", "powershell.exe", "cmd.exe", "certutil.exe", "nc", "python", "python3")',
        '    Processes.parent_process IN ("*install*", "*setup.py*", "*npm*", "*pip*")',
        '  by Processes.dest Processes.user Processes.parent_process Processes.process_name Processes.process',
        '| `drop_dm_object_name(Processes)`',
        ...ctime,
      ].join('\n'),
      kql: [
        'DeviceProcessEvents',
        '| where Timestamp > ago(30d)',
        '| where InitiatingProcessFileName in~ ("node", "node.exe", "npm", "python", "python3", "python.exe", "pip", "pip3", "pip.exe")',
        '| where InitiatingProcessCommandLine has_any ("install", "setup.py", "preinstall", "postinstall")',
        '| where FileName in~ ("sh", "bash", "curl", "wget", "curl.exe", "powershell.exe", "cmd.exe", "certutil.exe", "nc")',
        '| where ProcessCommandLine has_any ("http", "curl", "wget", "base64", "/dev/tcp", "Invoke-WebRequest", "iwr ")',
        '| project Timestamp, DeviceName, AccountName, InitiatingProcessCommandLine, FileName, ProcessCommandLine',
        '| order by Timestamp desc',
      ].join('\n'),
      sigma: {
        logsource: { category: 'process_creation', product: 'linux' },
        detection: {
          selection_parent: {
            'ParentImage|endswith': ['/node', '/npm', '/python', '/python3', '/pip', '/pip3'],
            'ParentCommandLine|contains': ['install', 'setup.py', 'preinstall', 'postinstall'],
          },
          selection_child: {
            'Image|endswith': ['/sh', '/bash', '/curl', '/wget', '/nc'],
            'CommandLine|contains': ['http', 'curl', 'wget', 'base64', '/dev/tcp'],
          },
        },
        condition: 'all of selection_*',
        note: 'Linux build hosts only: the hunt also covers node.exe and pip.exe on Windows starting PowerShell, cmd or certutil.',
      },
      falsePositives: ['Packages with native parts download prebuilt binaries at install (node-gyp, prebuild, Puppeteer); allow-list their hosts.'],
      examples: {
        fire: ['The package declares a postinstall script that downloads a binary.', 'We found 116 malicious PyPI packages.', 'A malicious setup.py fetches the payload when the package is installed.', 'The obfuscated install script runs curl against the C2.'],
        quiet: ['Developers should review postinstall scripts before installing.', 'The installer supports silent mode.', 'The package has no install scripts.', 'The registry removed no malicious packages this week.'],
      },
    },
    {
      id: 'UC_BROWSER_DOWNLOAD_EXECUTED',
      title: 'Executable downloaded by a browser and run soon after (drive-by, fake update)',
      description: 'Drive-by downloads, watering holes, fake browser updates and malvertising end the same way: the browser saves an ' +
        'executable, installer or script, and the user (or the page) runs it within minutes. The hunt pairs browser-written ' +
        'executables with a process started from the same path shortly afterwards.',
      phase: 'delivery',
      techniques: ['T1189', 'T1204.002'],
      telemetry: { splunk: ['Endpoint.Filesystem', 'Endpoint.Processes'], defender: ['DeviceFileEvents', 'DeviceProcessEvents'] },
      trigger: {
        techniques: ['T1189'],
        phrases: [/drive-by(?:[- ]download)?s?/, /watering[- ]holes?/, /fake (?:browser |Chrome |Firefox |Edge |software )?updates?/i, /malvertising/, /SEO poisoning/i, /SocGholish/i],
      },
      spl: [
        TSTATS,
        '  from datamodel=Endpoint.Filesystem',
        '  where Filesystem.process_name IN ("chrome.exe", "msedge.exe", "firefox.exe", "brave.exe", "opera.exe", "iexplore.exe")',
        '    Filesystem.file_name IN ("*.exe", "*.msi", "*.scr", "*.js", "*.hta", "*.msix", "*.appx")',
        '  by Filesystem.dest Filesystem.user Filesystem.process_name Filesystem.file_name Filesystem.file_path',
        '| `drop_dm_object_name(Filesystem)`',
        '| join type=inner dest file_path',
        '    [| tstats `security_content_summariesonly` count as runs min(_time) as runTime from datamodel=Endpoint.Processes',
        '       by Processes.dest Processes.process_path Processes.process',
        '     | `drop_dm_object_name(Processes)`',
        '     | rename process_path as file_path]',
        '| where runTime >= firstTime AND runTime - firstTime < 3600',
        ...ctime,
      ].join('\n'),
      kql: [
        'let downloads = DeviceFileEvents',
        '  | where Timestamp > ago(30d)',
        '  | where InitiatingProcessFileName in~ ("chrome.exe", "msedge.exe", "firefox.exe", "brave.exe", "opera.exe", "iexplore.exe")',
        '  | where FileName matches regex @"(?i)\\.(exe|msi|scr|js|hta|msix|appx)$"',
        '  | project Downloaded = Timestamp, DeviceId, DeviceName, FolderPath, FileOriginUrl, FileOriginReferrerUrl;',
        'DeviceProcessEvents',
        '| where Timestamp > ago(30d)',
        '| join kind=inner downloads on DeviceId, FolderPath',
        '| where Timestamp between (Downloaded .. (Downloaded + 1h))',
        '| project Timestamp, DeviceName, AccountName, FolderPath, ProcessCommandLine, InitiatingProcessFileName, FileOriginUrl, FileOriginReferrerUrl',
        '| order by Timestamp desc',
      ].join('\n'),
      sigmaUnsupported: 'it joins a file a browser wrote to a process later started from the same path within an hour, a temporal correlation of two log sources on the path that this export, which writes one base rule, cannot state.',
      falsePositives: ['Users install software from vendor sites every day; the origin URL and the signer tell a fake update from a real one.'],
      examples: {
        fire: ['The infection started with a drive-by download from a compromised news site.', 'Visitors were shown a fake browser update that delivered the loader.', 'The group ran a watering hole on an industry forum.'],
        quiet: ['Keep browsers updated to stop drive-by attacks.', 'The update was downloaded from the vendor site.', 'No watering hole was involved.'],
      },
    },
    {
      id: 'UC_LOOKALIKE_DOMAINS',
      title: 'Lookups and clicks of look-alike (typosquatted or impersonating) domains',
      description: 'Finds DNS lookups and e-mail link clicks of domains first seen in the last week whose name contains one of the ' +
        'brand or vendor words you protect (edit the list at the top of each query), spelled exactly or within a typo of it. Actors ' +
        'register such look-alike domains around news events, outages and trusted vendors to phish staff and to host fake ' +
        'downloads, and they are rarely in any block list when they first appear.',
      phase: 'delivery',
      techniques: ['T1583.001', 'T1566.002'],
      telemetry: { splunk: ['Network_Resolution.DNS'], defender: ['DeviceNetworkEvents', 'UrlClickEvents'] },
      trigger: {
        techniques: ['T1583.001'],
        phrases: [
          /typo-?squat\w*/i,
          /(?:look-?alike|impersonation|squatting|spoofed|fake|copycat) domains?/i,
          /domains? (?:\w+ ){0,3}(?:masquerading as|impersonating|imitating|mimicking) (?:\w+ ){0,3}(?:legitimate|real|official|the)\b/i,
          /(?:registered|set up|established) (?:\w+ ){0,3}domains? (?:\w+ ){0,3}(?:resembl\w*|imitat\w*|impersonat\w*|mimic\w*)/i,
        ],
      },
      spl: [
        TSTATS,
        '  from datamodel=Network_Resolution.DNS',
        '  where DNS.message_type="Query" earliest=-30d',
        '  by DNS.src DNS.query',
        '| `drop_dm_object_name(DNS)`',
        '| eval query=lower(query)',
        '| eval brand_words=split("examplecorp,examplebank", ",")',
        '| mvexpand brand_words',
        '| where like(query, "%" . brand_words . "%")',
        '| stats min(firstTime) as firstTime max(lastTime) as lastTime dc(src) as hosts values(src) as sources sum(count) as lookups by query brand_words',
        '| where firstTime >= relative_time(now(), "-7d")',
        CTIME,
        '| sort - hosts',
      ].join('\n'),
      kql: [
        '// Edit: the brand, product and vendor words your users trust; your own domains go in owned_domains.',
        'let brand_words = dynamic(["examplecorp", "examplebank"]);',
        'let owned_domains = dynamic(["examplecorp.com"]);',
        'let lookback = 30d;',
        'let names = union',
        '  (DeviceNetworkEvents',
        '    | where Timestamp > ago(lookback) and isnotempty(RemoteUrl)',
        '    | extend Name = tolower(tostring(parse_url(strcat("https://", trim_start(@"^[a-z]+://", RemoteUrl))).Host))',
        '    | project Timestamp, Name, Who = DeviceName, Source = "device"),',
        '  (UrlClickEvents',
        '    | where Timestamp > ago(lookback)',
        '    | extend Name = tolower(tostring(parse_url(Url).Host))',
        '    | project Timestamp, Name, Who = AccountUpn, Source = "e-mail click");',
        'names',
        '| where isnotempty(Name) and not(Name has_any (owned_domains))',
        '| mv-apply Word = brand_words to typeof(string) on (where Name contains Word)',
        '| summarize FirstSeen = min(Timestamp), LastSeen = max(Timestamp), Who = make_set(Who, 10), Sources = make_set(Source) by Name, Word',
        '| where FirstSeen > ago(7d)',
        '| order by FirstSeen desc',
      ].join('\n'),
      sigmaUnsupported: 'it needs the organisation\'s own brand words and a name first seen in the last seven days of a 30-day history, and Sigma correlations cannot say "not seen before".',
      falsePositives: [
        'Partners, resellers and marketing agencies register domains with your brand in them; keep an allow list of the ones you know.',
        'A new legitimate subdomain of a vendor looks new too: check the registered domain, its age and its registrant.',
      ],
      examples: {
        fire: [
          'Within hours of the outage, actors registered dozens of typosquatted domains to lure administrators.',
          'The group set up domains imitating two charities to host its fake donation pages.',
          'Phishing emails linked to look-alike domains of the bank.',
        ],
        quiet: [
          'Monitor for look-alike domains of your brand.',
          'The company moved its website to a new domain last year.',
          'Users should check the sender domain before clicking.',
        ],
      },
    },
  ];
}
