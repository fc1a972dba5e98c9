// Data: registrable domains of legitimate platforms and references. A host under one of these is never a
// domain IOC by itself (attackers abuse them, they do not own them); a URL with a malicious path on one can be.
// Hosts under a *private* public suffix (x.blob.core.windows.net, x.github.io, x.duckdns.org) are
// user-controlled and are judged on their own, not by this list.
// One definition: every rule that needs "is this a legitimate platform" reads BENIGN_DOMAINS.

const GROUPS: Record<string, readonly string[]> = {
  codeAndPackages: [
    'github.com', 'githubusercontent.com', 'github.io', 'gitlab.com', 'bitbucket.org', 'sourceforge.net',
    'npmjs.com', 'npmjs.org', 'yarnpkg.com', 'pypi.org', 'pythonhosted.org', 'python.org', 'rubygems.org',
    'crates.io', 'rust-lang.org', 'golang.org', 'go.dev', 'pkg.go.dev', 'nuget.org', 'maven.org', 'apache.org',
    'nodejs.org', 'docker.com', 'docker.io', 'gcr.io', 'quay.io', 'readthedocs.io', 'readthedocs.org',
    'stackoverflow.com', 'stackexchange.com', 'zulipchat.com', 'jsdelivr.net', 'unpkg.com', 'cdnjs.com',
  ],
  bigTech: [
    'microsoft.com', 'windows.com', 'windows.net', 'live.com', 'office.com', 'office365.com', 'microsoftonline.com',
    'azure.com', 'azureedge.net', 'sharepoint.com', 'onedrive.com', 'bing.com', 'msn.com', 'skype.com',
    'google.com', 'googleapis.com', 'gstatic.com', 'googleusercontent.com', 'youtube.com', 'goo.gl', 'gmail.com',
    'apple.com', 'icloud.com', 'amazon.com', 'amazonaws.com', 'cloudfront.net', 'aws.amazon.com',
    'cloudflare.com', 'akamai.com', 'akamaihd.net', 'fastly.net', 'oracle.com', 'ibm.com', 'adobe.com',
    'mozilla.org', 'firefox.com', 'dropbox.com', 'box.com', 'mediafire.com', 'mega.nz', 'wetransfer.com',
    'discord.com', 'discordapp.com', 'telegram.org', 't.me', 'slack.com', 'zoom.us', 'whatsapp.com',
    'wikipedia.org', 'wikimedia.org', 'archive.org', 'yahoo.com', 'outlook.com', 'hotmail.com',
  ],
  social: [
    'x.com', 'twitter.com', 't.co', 'linkedin.com', 'lnkd.in', 'facebook.com', 'fb.com', 'instagram.com',
    'reddit.com', 'medium.com', 'substack.com', 'mastodon.social', 'infosec.exchange', 'bsky.app', 'tiktok.com',
    'wordpress.com', 'blogspot.com', 'blogger.com', 'feedburner.com', 'bit.ly',
  ],
  securityReferences: [
    'mitre.org', 'attack.mitre.org', 'nist.gov', 'cisa.gov', 'us-cert.gov', 'cert.org', 'first.org', 'cve.org',
    'virustotal.com', 'any.run', 'hybrid-analysis.com', 'abuse.ch', 'urlscan.io', 'shodan.io', 'censys.io',
    'exploit-db.com', 'snyk.io', 'osv.dev', 'cvedetails.com', 'torproject.org', 'letsencrypt.org',
    'sigmahq.io', 'splunk.com', 'elastic.co', 'kaspersky.com', 'eset.com', 'welivesecurity.com',
    'paloaltonetworks.com', 'crowdstrike.com', 'mandiant.com', 'sentinelone.com', 'sophos.com', 'trendmicro.com',
    'fortinet.com', 'checkpoint.com', 'proofpoint.com', 'talosintelligence.com', 'cisco.com', 'vmware.com',
    'ahnlab.com', 'esentire.com', 'securelist.com', 'bleepingcomputer.com', 'thehackernews.com',
    'threatpost.com', 'darkreading.com', 'securityweek.com', 'zscaler.com', 'malwarebytes.com', 'symantec.com',
    'broadcom.com', 'offsec.com', 'recordedfuture.com', 'unit42.paloaltonetworks.com',
  ],
  mailProviders: [
    'protonmail.com', 'proton.me', 'yandex.ru', 'yandex.com', 'mail.ru', 'gmx.com', 'gmx.de', 'aol.com', 'qq.com',
    '163.com', '126.com', 'tutanota.com', 'zoho.com',
  ],
};

/**
 * Shared infrastructure: CDNs, clouds, file-sharing and paste sites, IP-lookup and vendor update services. Attackers
 * use them, but so does everybody: when an article still lists one as an IOC it is kept, flagged and down-weighted.
 */
const SHARED_GROUPS: Record<string, readonly string[]> = {
  cdnAndCloud: [
    'cloudflare.com', 'cloudfront.net', 'amazonaws.com', 'azureedge.net', 'akamaihd.net', 'akamai.net', 'akamaized.net',
    'edgekey.net', 'edgesuite.net', 'fastly.net', 'googleapis.com', 'googleusercontent.com', 'gstatic.com',
    'windows.net', 'jsdelivr.net', 'unpkg.com', 'cdnjs.com',
  ],
  fileSharingAndPaste: [
    'dropbox.com', 'dropboxusercontent.com', 'mega.nz', 'mediafire.com', 'wetransfer.com', 'box.com', 'onedrive.com',
    '1drv.ms', 'sharepoint.com', 'discordapp.com', 'pastebin.com', 'paste.ee', 'hastebin.com', 'rentry.co',
    'transfer.sh', 'file.io', 'gofile.io', 'sendspace.com', '4shared.com', 'catbox.moe', 'temp.sh', 'webhook.site',
  ],
  ipLookupAndUpdates: [
    'ipify.org', 'ipinfo.io', 'ip-api.com', 'icanhazip.com', 'ifconfig.me', 'myexternalip.com', 'wtfismyip.com',
    'windowsupdate.com', 'msftconnecttest.com', 'msftncsi.com', 'digicert.com', 'sectigo.com', 'globalsign.com',
  ],
};

export const BENIGN_DOMAINS: ReadonlySet<string> = new Set([...Object.values(GROUPS).flat(), ...Object.values(SHARED_GROUPS).flat()]);

/** The shared-infrastructure subset of BENIGN_DOMAINS. */
export const SHARED_INFRA_DOMAINS: ReadonlySet<string> = new Set(Object.values(SHARED_GROUPS).flat());

/** Domains reserved for examples and documentation (RFC 2606/6761) and non-public names. */
export const EXAMPLE_DOMAINS: ReadonlySet<string> = new Set([
  'example.com', 'example.net', 'example.org', 'example.edu', 'test.com', 'domain.com', 'yourdomain.com',
  'mydomain.com', 'company.com', 'contoso.com', 'fabrikam.com', 'acme.com', 'evil.com', 'attacker.com',
  'malicious.com', 'badguy.com',
]);

/** Top-level names that are never public (RFC 6761 and common internal suffixes). */
export const NON_PUBLIC_TLDS: ReadonlySet<string> = new Set([
  'example', 'test', 'invalid', 'localhost', 'local', 'internal', 'lan', 'home', 'corp', 'intranet', 'localdomain',
]);

/** Well-known public resolvers and test addresses: infrastructure everybody uses, not attacker-owned. */
export const BENIGN_IPS: ReadonlySet<string> = new Set([
  '8.8.8.8', '8.8.4.4', '1.1.1.1', '1.0.0.1', '9.9.9.9', '149.112.112.112', '208.67.222.222', '208.67.220.220',
  '4.2.2.1', '4.2.2.2', '64.6.64.6',
]);

/**
 * Shared address ranges: anycast resolvers (BENIGN_IPS live here) and the CDN ranges Cloudflare publishes. An address in
 * one fronts many sites at once.
 */
const SHARED_RANGES: ReadonlyArray<readonly [string, number]> = [
  ['1.1.1.0', 24], ['1.0.0.0', 24], ['8.8.8.0', 24], ['8.8.4.0', 24], ['9.9.9.0', 24], ['149.112.112.0', 24],
  ['208.67.216.0', 21], ['4.2.2.0', 24], ['64.6.64.0', 23],
  ['173.245.48.0', 20], ['103.21.244.0', 22], ['103.22.200.0', 22], ['103.31.4.0', 22], ['141.101.64.0', 18],
  ['108.162.192.0', 18], ['190.93.240.0', 20], ['188.114.96.0', 20], ['197.234.240.0', 22], ['198.41.128.0', 17],
  ['162.158.0.0', 15], ['104.16.0.0', 13], ['104.24.0.0', 14], ['172.64.0.0', 13], ['131.0.72.0', 22],
];

/** A dotted-quad IPv4 (optionally with a "/prefix", which is ignored) as a 32-bit number, read digit by digit. */
function ipNum(ip: string): number {
  let v = 0;
  let octet = 0;
  for (let i = 0; i < ip.length; i++) {
    const c = ip.charCodeAt(i);
    if (c === 46) {
      v = v * 256 + octet;
      octet = 0;
    } else if (c === 47) break;
    else octet = octet * 10 + (c - 48);
  }
  return (v * 256 + octet) >>> 0;
}

// Bases and masks in typed arrays, read by index: destructuring each [base, bits] pair would step an iterator per range.
const SHARED_BASES = Uint32Array.from(SHARED_RANGES, ([base]) => ipNum(base));
const SHARED_MASKS = Uint32Array.from(SHARED_RANGES, ([, bits]) => (bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0));

/** Is this IPv4 address (or the base of a CIDR range) in a shared resolver/CDN range? */
export function isSharedInfraIp(ip: string): boolean {
  const v = ipNum(ip);
  for (let i = 0; i < SHARED_BASES.length; i++) {
    if (((v & SHARED_MASKS[i]) >>> 0) === SHARED_BASES[i]) return true;
  }
  return false;
}
