// Word cues read around a value. Each is a whole-word pattern (never a substring: "rat" must not fire in
// "separate"), compiled once.

/** Infrastructure is presented as malicious: C2, phishing, hosting a payload, exfiltration… */
export const MALICIOUS_NET_RE =
  /\b(?:c2|c&c|cnc|command[- ]and[- ]control|malicious|phishing|attacker(?:s|'s|s')?|threat actors?|adversar(?:y|ies)|beacon(?:s|ed|ing)?|exfiltrat\w*|hosted|hosting|download(?:s|ed)? (?:from|via)|fetch(?:es|ed)? from|payloads?|webshell|web shell|typo-?squat\w*|impersonat\w*|fake|rogue|callback|connects? (?:to|back)|connected to|contacted|communicat\w+ with|resolv\w+ to|staging|compromised)\b/i;

/** A hash is presented as a sample: labels and malware words. */
export const HASH_LABEL_RE = /(?:\bsha-?(?:1|256|512)\b|\bmd5\b|\bhash(?:es)?\b|\bsamples?\b|\biocs?\b|\bimphash\b|\bsha-?(?:1|256|512)(?=[:\s]))/i;
export const MALICIOUS_FILE_RE =
  /\b(?:malicious|malware|payloads?|dropp(?:er|ed|s)|drops|backdoor|trojan|ransomware|loader|downloader|stealer|infostealer|implant|webshell|web shell|rat|rootkit|worm|botnet|miner|coinminer|wiper|keylogger|spyware|exploit|shellcode|lure|attachment|sample|infect\w*|renamed|masquerad\w+|disguised|self-?cop\w+|copies itself|persistence|c2|c&c)\b/i;

/** A 40/64-hex value that is a commit, a revision, a toolchain, a digest or a release checksum. */
export const GIT_RE =
  /\b(?:commits?|committed|merge[ds]?|bisect\w*|git|revision|rev|changeset|cherry-pick\w*|pull request|toolchains?|nightl(?:y|ies)|head|tree|blob|parent|tag(?:ged)?|release tag)\b|\/commit\/|\/blob\//i;
export const DIGEST_RE = /\bdigests?\b|@sha256:|\bdocker\b|\bimage id\b|\boci\b|\bcontainer image\b|\bFROM\s+\S+@/i;
export const CHECKSUM_RE =
  /\b(?:checksums?|shasums?|sha\d{1,3}sums?|integrity|signature|signed|verify|verification|release (?:files|artifacts|assets)|official (?:download|release|binar\w+))\b/i;

/** Git/citation words in a URL path: links to code, issues and advisories are references. */
export const CITATION_PATH_RE = /\/(?:issues|pull|commit|commits|blob|tree|wiki|advisories|releases|discussions)\//i;

/** The value is a citation, not an indicator: "is available at", "see the report at", "read more". */
export const CITATION_BEFORE_RE =
  /\b(?:available (?:on|at|from|here)|published (?:on|at|in)|blog(?: post)?|report(?:ed)? (?:on|at|by)|article|write-?up|advisory|analysis (?:on|at|by)|see(?: also)?|read(?: more)?|details (?:at|on|here)|more (?:info|information|details)|source|via|according to|documented (?:at|in|on)|found (?:at|on|in) (?:our|the)|visit(?:ing)?|go to|check out|download (?:it|the \w+) (?:from|at)|described (?:at|in|on))\b[^.\n]{0,60}$/i;

/** The author marks the value as legitimate, e.g. "Real domain:", "the legitimate fodhelper.exe". */
export const BENIGN_BEFORE_RE =
  /\b(?:real|legitimate|legit|genuine|official|benign|clean|original|actual|authentic|trusted|safe|non-malicious)\s+(?:[\w-]+\s+){0,2}?(?:(?:domain|site|website|web ?page|url|address|server|host|sender|file|binary|process|executable|page|service|name|application|app|tool|utility|program)s?\s*)?(?:[:\-–—]\s*)?$/i;
export const BENIGN_AFTER_RE =
  /^[^\n]{0,50}?\b(?:not malicious|non-malicious|(?:a |an |the |is |are |was )?(?:legitimate|benign|genuine|official|clean) (?:site|domain|website|page|service|file|binary|address|host)|legitimate\)|benign\))/i;

/** Redaction right before the value: "[redacted]amou[.]com" must not become amou.com. */
export const REDACTED_BEFORE_RE = /(?:\[(?:redacted|removed|snip|omitted|masked|hidden|censored|…|\.\.\.)\]|\((?:redacted|removed)\)|<redacted>|\*{2,}|x{3,}|\u2026)\s?$/i;

/** Version-number context for IPv4-shaped values: "version 1.2.3.4", "v1.2.3.4", "build 10.0.1.1". */
export const VERSION_BEFORE_RE = /\b(?:v|ver|version|versions|build|release|rev|revision|firmware|patch|update|kb|chrome|firefox|edge|ios|android|windows|kernel|python|node|java|section|sections|clause|figure|table|step|rule|r)\.?\s*$/i;

/** Email header lines whose addresses are message identifiers, not mailboxes. */
export const MESSAGE_ID_RE = /\b(?:message-id|in-reply-to|references|x-ms-exchange[\w-]*|thread-index)\s*:\s*<?[^\n]{0,10}$/i;

/** The email's domain belongs to a real organisation that was spoofed or impersonated. */
export const SPOOF_RE = /\b(?:spoof\w*|impersonat\w+|pretend\w*|forged?|masquerad\w+)\b/i;

/** Wallets are wallets only where the text talks about money. */
export const WALLET_CUE_RE = /\b(?:wallets?|bitcoin|btc|monero|xmr|ethereum|eth|ransom|payment|pay|send|address(?:es)?|usdt|crypto\w*|donat\w+)\b/i;

/** Path context: attacker-created locations. */
export const PATH_ACTION_RE =
  /\b(?:creat\w+|drop\w*|writ\w+|wrote|cop(?:y|ies|ied)|sav\w+|stor\w+|install\w*|placed|extract\w*|download\w*|persist\w*|locat\w+|path|folder|directory|execut\w+|launch\w*|run|runs|added|set|modif\w+|malicious|malware|payload)\b/i;

/** Password-hash context (read on the text before the value, trailing spaces trimmed): NTLM/LM hashes are not MD5 file hashes. */
export const PASSWORD_HASH_BEFORE_RE = /\b(?:ntlm|nt|lm|nthash|lmhash|net-?ntlmv?[12]?|ntlmv[12])(?: hash(?:es)?)?(?: (?:is|was))?(?:[ \t]{0,12}[:=])?$/i;
export const CREDENTIAL_DUMP_RE = /\b(?:ntlm|nthash|lmhash|secretsdump|mimikatz|pwdump|hashdump|sekurlsa|lsadump|password hash(?:es)?|credential dump\w*)\b/i;
