// Kill-chain phases from the techniques' tactics plus the article's own narrative, each with evidence.
import type { KillChainPhase, PhaseHit, TechniqueHit } from '../model';
import { KILL_CHAIN_PHASES } from '../model';
import type { AttackIndex } from './lookup';
import { isNegated } from '../text/negation';
import { splitSentences } from '../text/sentences';
import { isHeadingSentence } from '../text/headings';
import { threatScore, threatSentences } from '../text/threat-words';

/** ATT&CK tactic (STIX shortname) → Lockheed Martin kill-chain phase. */
export const TACTIC_PHASE: Record<string, KillChainPhase> = {
  reconnaissance: 'recon',
  'resource-development': 'weapon',
  'initial-access': 'delivery',
  execution: 'exploit',
  persistence: 'install',
  'privilege-escalation': 'install',
  'defense-evasion': 'install',
  'credential-access': 'actions',
  discovery: 'actions',
  'lateral-movement': 'actions',
  collection: 'actions',
  'command-and-control': 'c2',
  exfiltration: 'actions',
  impact: 'actions',
};

/** Techniques whose phase is not the one their tactic suggests. */
export const TECHNIQUE_PHASE: Record<string, KillChainPhase> = {
  T1190: 'exploit', T1203: 'exploit', T1210: 'exploit', T1211: 'exploit', T1212: 'exploit', T1068: 'exploit',
};

/** Tactics a newer ATT&CK release may add (v19 splits Defense Evasion): guess from the name. */
function phaseOfUnknownTactic(shortname: string): KillChainPhase {
  if (/evasion|stealth|impair|defen[cs]e/.test(shortname)) return 'install';
  if (/recon/.test(shortname)) return 'recon';
  if (/resource|develop/.test(shortname)) return 'weapon';
  if (/access/.test(shortname) && /initial/.test(shortname)) return 'delivery';
  if (/control|c2/.test(shortname)) return 'c2';
  return 'actions';
}

export function phasesOfTechnique(id: string, index: AttackIndex): KillChainPhase[] {
  const fixed = TECHNIQUE_PHASE[id] ?? TECHNIQUE_PHASE[id.split('.')[0]];
  if (fixed) return [fixed];
  const tactics = index.technique(id)?.tactics ?? [];
  const phases = new Set(tactics.map((t) => TACTIC_PHASE[t] ?? phaseOfUnknownTactic(t)));
  // A persistence mechanism (scheduled task, service) is installation even when it also executes.
  if (tactics.includes('persistence')) phases.delete('exploit');
  return KILL_CHAIN_PHASES.filter((p) => phases.has(p));
}

const EVIDENCE = 3;

/** Narrative cues per phase, for behaviour the technique table does not cover. */
const NARRATIVE: Record<KillChainPhase, RegExp> = {
  recon: /\b(?:reconnaissance|mass[- ]scann\w*|scann(?:ed|ing) (?:\w+ ){0,3}(?:for vulnerable|the internet|exposed))\b/i,
  weapon: /\b(?:weaponi[sz]\w*|lure documents?|malicious documents? (?:were|was) (?:crafted|created|built)|(?:registered|established|set up) (?:\w+ ){0,3}domains?)\b/i,
  delivery: /\b(?:delivered (?:via|through|as|by)|(?:malware|payload) delivery|distributed (?:via|through|as)|phishing e-?mails?|malspam|malicious attachments?|drive-by|watering[- ]hole)\b/i,
  exploit: /\b(?:exploit(?:ed|ing|ation of)|actively exploited|in-the-wild exploitation)\b/i,
  install: /\b(?:establish\w* persistence|for persistence|persistence mechanisms?|install(?:s|ed)? (?:a |the |an )?(?:backdoor|implant|web ?shell)|dropp(?:ed|s) (?:a |the )?(?:payload|backdoor|malware))\b/i,
  c2: /\b(?:C2|C&C|command[- ]and[- ]control|beacon(?:s|ed|ing)?)\b/i,
  actions: /\b(?:exfiltrat\w*|encrypt(?:s|ed)? (?:\w+ ){0,2}files|ransom (?:note|demand)s?|data theft|steal\w* (?:\w+ ){0,2}(?:data|credentials|passwords|files)|mov(?:e|ed|ing) laterally|lateral movement)\b/i,
};

export function computePhases(techniques: TechniqueHit[], text: string, index: AttackIndex): PhaseHit[] {
  const byPhase = new Map<KillChainPhase, { techniques: string[]; evidence: string[] }>();
  const get = (p: KillChainPhase) => byPhase.get(p) ?? byPhase.set(p, { techniques: [], evidence: [] }).get(p)!;
  for (const t of techniques) {
    for (const p of phasesOfTechnique(t.id, index)) {
      const e = get(p);
      e.techniques.push(t.id);
      if (t.evidence[0] && !e.evidence.includes(t.evidence[0])) e.evidence.push(t.evidence[0]);
    }
  }
  const sentences = splitSentences(text);
  if (threatScore(sentences.map((s) => s.masked), 3) >= 3) {
    // A phase keeps its first three pieces of evidence: once every phase has them, later sentences change nothing.
    const full = (phase: KillChainPhase) => (byPhase.get(phase)?.evidence.length ?? 0) >= EVIDENCE;
    const threat = threatSentences(sentences);
    for (let i = 0; i < sentences.length; i++) {
      const s = sentences[i];
      if (KILL_CHAIN_PHASES.every(full)) break;
      if (!threat[i] || isHeadingSentence(text, s)) continue;
      for (const phase of KILL_CHAIN_PHASES) {
        if (full(phase)) continue;
        const m = NARRATIVE[phase].exec(s.masked);
        if (!m || isNegated(s.masked, m.index, m.index + m[0].length)) continue;
        const e = get(phase);
        if (!e.evidence.includes(s.text)) e.evidence.push(s.text);
      }
    }
  }
  return KILL_CHAIN_PHASES.filter((p) => byPhase.has(p)).map((phase) => {
    const e = byPhase.get(phase)!;
    return { phase, techniques: [...new Set(e.techniques)], evidence: e.evidence.slice(0, EVIDENCE) };
  });
}
