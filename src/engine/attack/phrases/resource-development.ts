// Resource development: behaviour phrases (see ../phrases.ts for the rules).
import { BehaviourPhrase, P } from './common';

export const RESOURCE_DEVELOPMENT_PHRASES: BehaviourPhrase[] = [
  P('T1583.001', 'context', /typo-?squat\w*(?: domains?)?|look-?alike domains?|(?:regist\w*|establish\w*|purchas\w*|acquir\w*|set(?:ting)? up) (?:\w+ ){0,3}domains?/,
    'attacker-registered domains', ['The threat actor was observed establishing typo-squatted domains.'], ['Register your domain with a trusted registrar.']),
  P('T1656', 'context', /impersonat\w* (?:\w+ ){0,2}(?:IT|help ?desk|support staff|technical support|executives?|CEO|CFO)/, 'impersonating staff', ['Callers impersonated the help desk.']),
  P('T1583.003', 'context', /(?:rent|leas|purchas|bought|acquir|set(?:ting)? up|us|hosted on|host\w* on)\w* (?:\w+ ){0,3}(?:virtual private servers?|VPS(?:es)?|bulletproof hosting)(?! provider'?s? (?:abuse|takedown))|bulletproof hosting/,
    'attacker-acquired VPS / bulletproof hosting', ['The C2 servers are hosted on VPSes rented with cryptocurrency.'], ['Our blog is hosted on a VPS.']),
  P('T1583.005', 'context', /(?:rent|leas|purchas|bought|buy|hir)\w* (?:\w+ ){0,2}botnets?|botnets?[- ](?:for[- ]hire|as[- ]a[- ]service)|DDoS[- ](?:for[- ]hire|as[- ]a[- ]service)/,
    'botnet acquired', ['The group rented a botnet for the DDoS campaign.']),
  P('T1583.008', 'context', /malvertis\w*|malicious (?:search )?(?:ads|advertisements)|(?:sponsored|poisoned) search (?:ads|results) (?:\w+ ){0,4}(?:malware|malicious|fake|trojani[sz]ed)/,
    'malvertising', ['The loader spreads through malvertising for popular software.'], ['The site shows no ads to premium users.']),
  P('T1608.006', 'strong', /SEO poisoning|search engine (?:optimi[sz]ation )?poisoning|poison\w* search (?:engine )?results/,
    'SEO poisoning', ['The group used SEO poisoning to push fake installers.']),
  P('T1584', 'context', /compromised (?:\w+ ){0,2}(?:websites?|web ?servers?|servers?|routers?|WordPress sites?|infrastructure) (?:\w+ ){0,4}(?:to host|as|for|to serve|to deliver|to distribute|hosting|used (?:as|to))|hijacked (?:\w+ )?(?:domains?|subdomains?|servers?|routers?) (?:\w+ ){0,3}(?:to host|as|for|to serve|to deliver)/,
    'compromised third-party infrastructure used by the attacker', ['The payloads are hosted on compromised WordPress sites used as staging servers.']),
  P('T1587.001', 'context', /custom(?:-built| built|-made| made|ized)? (?:\w+ ){0,1}(?:malware|backdoors?|implants?|toolsets?|loaders?|RATs?)|develop\w* (?:its|their) own (?:\w+ ){0,2}(?:malware|tools?|backdoors?|implants?|tooling)/,
    'attacker-developed malware', ['The group deploys a custom backdoor written in Go.']),
  P('T1585', 'context', /(?:fake|fictitious|fraudulent|sock ?puppet|bogus) (?:\w+ ){0,2}(?:LinkedIn |social media |GitHub |recruiter )?(?:profiles?|personas?|accounts?)|(?:creat|establish|set up|regist)\w* (?:\w+ ){0,2}(?:fake|fictitious|fraudulent|sock ?puppet) (?:\w+ ){0,2}(?:profiles?|personas?|accounts?|companies)/,
    'attacker-established accounts and personas', ['The operators created fake LinkedIn profiles posing as recruiters.']),
  P('T1608.001', 'context', /(?:upload|host|stag)\w* (?:\w+ ){0,3}(?:payloads?|malware|tools?|binaries|next[- ]stages?) (?:\w+ ){0,2}(?:on|to) (?:GitHub|GitLab|Bitbucket|Dropbox|Google Drive|Discord(?:'s)? CDN|Pastebin|cloud storage|file[- ]sharing (?:services?|sites?))/,
    'malware uploaded to attacker-controlled hosting', ['The actors host their payloads on GitHub repositories.']),
];
