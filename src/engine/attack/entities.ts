// Named threat actors and malware in an article, from MITRE ATT&CK® groups and software (names and aliases)
// plus the naming schemes vendors use for actors (APT29, TA505, UNC2452, FIN7, Storm-0558). Names are matched
// as whole words with the capitalisation ATT&CK gives them, so "Prestige" the ransomware is found but
// "prestige" the word is not.

export interface EntityLexiconSource {
  groups: Array<{ name: string; aliases: string[] }>;
  software: Array<{ name: string; aliases: string[]; kind?: 'malware' | 'tool' }>;
}

/** Names too generic to signal anything even when capitalised (sentence starts, headings). */
const GENERIC = new Set([
  'Net', 'Ping', 'Tor', 'Empire', 'Page', 'Mis', 'Cmd', 'Ngrok', 'Systeminfo', 'Tasklist', 'Reg', 'At', 'Cachedump', 'Expand',
  'Hi', 'Doki', 'Responder', 'Rover', 'Exaramel', 'Cuba', 'Moneybird', 'Gold', 'Axiom', 'Ke3chang', 'Lucifer',
  'Winnti', 'Windows', 'Office', 'Outlook', 'Update', 'Orz', 'Pay2Kitten', 'Mustard', 'Mafalda', 'Elephant', 'Wizard',
]);
const ACTOR_PATTERN = /\b(?:APT ?\d{1,3}|TA\d{3,4}|UNC\d{3,5}|FIN\d{1,2}|Storm-\d{4}|DEV-\d{4})\b/g;
const WORD = /[A-Z0-9][\w.+-]*[A-Z0-9+]|[A-Z0-9]/gi;
const MAX_WORDS = 4;

export class EntityLexicon {
  private readonly actors = new Map<string, string>();
  private readonly malware = new Map<string, string>();
  /** First words of every name: an n-gram is only looked up when it starts with one of these. */
  private readonly firstWords = new Set<string>();

  constructor(src: EntityLexiconSource) {
    for (const g of src.groups) for (const n of [g.name, ...g.aliases]) this.addName(this.actors, n, g.name);
    for (const s of src.software) {
      if (s.kind !== 'malware') continue; // tools are mostly legitimate software (PsExec, Net, PowerShell)
      for (const n of [s.name, ...s.aliases]) this.addName(this.malware, n, s.name);
    }
  }

  private addName(map: Map<string, string>, name: string, canonical: string) {
    const n = name.trim();
    if (n.length < 3 || GENERIC.has(n) || !/[A-Z]/.test(n)) return;
    if (n.split(/\s+/).length > MAX_WORDS) return;
    if (!map.has(n)) map.set(n, canonical);
    // The same tokenisation as find(): "Bad-Rabbit" is one token there.
    const first = n.match(WORD)?.[0].replace(/\.+$/, '');
    if (first) this.firstWords.add(first);
  }

  /** Actors and malware named in the text, canonical names, in order of first mention. */
  find(text: string): { actors: string[]; malware: string[] } {
    const actors = new Set<string>();
    const malware = new Set<string>();
    const words = [...text.matchAll(WORD)].map((m) => ({ w: m[0].replace(/\.+$/, ''), start: m.index!, end: m.index! + m[0].length }));
    for (let i = 0; i < words.length; i++) {
      if (!this.firstWords.has(words[i].w)) continue;
      for (let k = MAX_WORDS; k >= 1; k--) {
        if (i + k > words.length) continue;
        // Only words separated by a single space or hyphen form a name.
        let ok = true;
        for (let j = i + 1; j < i + k && ok; j++) {
          const gap = text.slice(words[j - 1].end, words[j].start);
          ok = gap === ' ' || gap === '-';
        }
        if (!ok) continue;
        const phrase = text.slice(words[i].start, words[i + k - 1].start + words[i + k - 1].w.length);
        const a = this.actors.get(phrase);
        const m = this.malware.get(phrase);
        if (a) actors.add(a);
        if (m) malware.add(m);
        if (a || m) {
          i += k - 1;
          break;
        }
      }
    }
    for (const m of text.matchAll(ACTOR_PATTERN)) {
      const name = m[0].replace(/^APT (\d)/, 'APT$1');
      if (![...actors].some((a) => a === name || this.actors.get(name) === a)) actors.add(this.actors.get(name) ?? name);
    }
    return { actors: [...actors], malware: [...malware].filter((x) => !actors.has(x)) };
  }
}
