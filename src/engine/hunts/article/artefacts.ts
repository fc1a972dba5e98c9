// Attacker artefacts an article presents, for its own hunt: file names it says were dropped or run (from the IOC
// step), full file paths in sentences that say something was written or run there, scheduled-task and service names,
// named pipes, mutexes, user agents, and command lines shown on their own line. Never technology names (node.js),
// system binaries or noise paths (/dev/null, /etc/passwd), build/PDB paths, or paths cut at a space.
// Every pattern is bounded and linear: no nested quantifiers over the same characters.
import type { Ioc } from '../../model';
import type { Sentence } from '../../text/sentences';
import { JoinedSentences, joinSentences, sentencesToTry } from '../../text/sentence-search';

export interface Artefacts {
  files: string[];
  paths: string[];
  tasks: string[];
  services: string[];
  pipes: string[];
  mutexes: string[];
  agents: string[];
  commands: string[];
}

// Windows binaries every host runs: hunting their names finds everything, so they are never artefacts.
const SYSTEM_BINARIES = /^(?:cmd|powershell|pwsh|rundll32|regsvr32|mshta|wscript|cscript|explorer|svchost|lsass|services|winlogon|csrss|conhost|taskhostw?|schtasks|sc|reg|net1?|certutil|bitsadmin|msiexec|wmic|notepad|calc|curl|wget|bash|sh|python3?|node|java|dllhost|werfault|smss|spoolsv|msbuild|installutil|regasm|regsvcs|forfiles|at|whoami|ipconfig|systeminfo|tasklist|taskkill|nltest|ping|vssadmin|wevtutil|bcdedit)\.(?:exe|com)$/i;
// Technology and framework names shaped like files (LESSONS: `node.js` was hunted 97 times).
const TECH_NAMES = /^(?:node|next|nuxt|vue|react|angular|express|ember|backbone|three|d3|chart|socket|deno|bun|moment|lodash|jquery|electron|nest|svelte|alpine|knockout|meteor|gatsby|remix|solid|preact)\.js$/i;
const NOISE_PATHS = /^\/(?:dev\/(?:null|zero|u?random|tty|shm)|etc\/(?:passwd|shadow|group|hosts|resolv\.conf|crontab)|usr\/bin\/env|bin\/(?:ba|da|z)?sh|proc\/self(?:\/\w+)?|tmp)$/;
const EXECUTABLE = /\.(?:exe|dll|scr|sys|ps1|psm1|bat|cmd|vbs|vbe|js|jse|wsf|hta|lnk|jar|msi|py|sh|elf|bin|so|dylib|apk|iso|img|vhdx?|zip|rar|7z|docm|xlsm|one|aspx?|jsp|php)$/i;

const WIN_PATH = /(?<![\w\\])[A-Z]:\\(?:[\w$.~()' -]{1,80}\\){1,12}[\w$.~()-]{1,80}/gi;
const NIX_PATH = /(?<![\w./:-])\/(?:[\w.-]{1,60}\/){1,12}[\w.-]{1,60}/g;
// Sentences that place something on disk or run it: only their paths are attacker paths.
const PLACED = /\b(?:cop(?:y|ies|ied)|drop(?:s|ped)?|writ(?:es|ten|e)|wrote|sav(?:es|ed)|creat(?:es|ed)|install(?:s|ed)|plac(?:es|ed)|stor(?:es|ed)|download(?:s|ed)|extract(?:s|ed)|execut(?:es|ed)|runs?|ran|launch(?:es|ed)|load(?:s|ed)|persist\w*|mov(?:es|ed)|renam(?:es|ed))\b/i;

const MAX_FILES = 50;
const QUOTED = String.raw`["“'‘]([^"”'’\n]{2,60})["”'’]`;
const TASK = new RegExp(String.raw`\b(?:scheduled tasks?|tasks?|cron jobs?)(?: (?:named|called|with the name))? ${QUOTED}|/tn\s+(?:"([^"\n]{2,60})"|([\w.-]{2,60}))`, 'gi');
const SERVICE = new RegExp(String.raw`\b(?:services?|daemons?)(?: (?:named|called|with the name))? ${QUOTED}|\bsc(?:\.exe)? create\s+(?:"([^"\n]{2,60})"|([\w.-]{2,60}))`, 'gi');
const MUTEX = new RegExp(String.raw`\bmutex(?:es)?(?: (?:named|called|object))? (?:${QUOTED}|([\w{}.-]{6,80}))`, 'gi');
const PIPE = new RegExp(String.raw`\\\\\.\\pipe\\([\w.{}-]{3,80})|\bnamed pipes?(?: (?:named|called))? (?:${QUOTED}|([\w.{}-]{4,80}))`, 'gi');
const AGENT = /\buser[- ]agent(?: string)?(?::| header| of| value)?\s*(?:["“]([^"”\n]{8,200})["”]|(Mozilla\/[^\n"”]{8,200}))/gi;
// A command shown on its own line (code block, listing): starts with a command word and has an argument.
const COMMAND_LINE = /^(?:\$ |> |PS> |C:\\[^>\n]{0,60}> )?((?:cmd(?:\.exe)?\s+\/[ck]|powershell(?:\.exe)?\s+-|pwsh\s+-|schtasks(?:\.exe)?\s+\/|reg(?:\.exe)?\s+add|rundll32(?:\.exe)?\s+\S|regsvr32(?:\.exe)?\s+\S|mshta(?:\.exe)?\s+\S|certutil(?:\.exe)?\s+-|bitsadmin(?:\.exe)?\s+\/|wmic\s+\S|vssadmin(?:\.exe)?\s+\S|curl\s+-|wget\s+\S|bash\s+-c|chmod\s+\+x|nohup\s+\S|python3?\s+-c|sc(?:\.exe)?\s+(?:create|config)|msiexec(?:\.exe)?\s+\/)[^\n]{0,300})$/gim;

const NAMED_OBJECT_CUE = /task|\/tn|service|daemon|sc(?:\.exe)? create|mutex|pipe|agent/i;
// Common words a loose pattern could catch after "task"/"service"/"mutex".
const GENERIC = /^(?:the|a|an|this|that|it|is|was|which|and|or|to|of|for|with|named|called|running|created|scheduled|task|service|mutex|object)$/i;

function add(list: string[], v: string | undefined): void {
  const s = v?.replace(/\s+/g, ' ').trim().replace(/[.,;:]+$/, '');
  if (!s || s.length < 3 || GENERIC.test(s) || list.some((x) => x.toLowerCase() === s.toLowerCase())) return;
  list.push(s);
}

/** An unquoted name counts only when it looks like an identifier, not a word ("mutex objects"). */
function codeLike(v: string | undefined): string | undefined {
  return v && /[\d_{}]|[a-z][A-Z]/.test(v) ? v : undefined;
}

function firstGroup(m: RegExpMatchArray): string | undefined {
  for (let i = 1; i < m.length; i++) if (m[i]) return m[i];
  return undefined;
}

export function isArtefactFile(name: string): boolean {
  return EXECUTABLE.test(name) && !SYSTEM_BINARIES.test(name) && !TECH_NAMES.test(name);
}

function isArtefactPath(p: string): boolean {
  const name = p.split(/[\\/]/).pop() ?? '';
  if (/\.pdb$/i.test(p) || NOISE_PATHS.test(p) || !/\.\w{1,8}$/.test(name)) return false;
  // A system binary in its own folder is the system, not the attacker.
  return !SYSTEM_BINARIES.test(name) && !TECH_NAMES.test(name);
}

/** What the article presents as attacker artefacts, in order of first appearance. */
export function findArtefacts(text: string, sentences: readonly Sentence[], iocs: readonly Ioc[], joinedIn?: JoinedSentences): Artefacts {
  const a: Artefacts = { files: [], paths: [], tasks: [], services: [], pipes: [], mutexes: [], agents: [], commands: [] };
  // IOC-list file names are hunted by UC_IOC_FILE; here only those the narrative says were dropped, written or run.
  // The two per-sentence cues are found with one search each over the sentences joined (sentence-search.ts).
  const joined = joinedIn ?? joinSentences(sentences.map((s) => s.masked));
  const matching = (re: RegExp): Set<number> => {
    const out = new Set<number>();
    for (const i of sentencesToTry(joined, re)) if (re.test(sentences[i].masked)) out.add(i);
    return out;
  };
  const placedAt = matching(PLACED);
  const placedSentences = sentences.filter((_, i) => placedAt.has(i));
  const cued = matching(NAMED_OBJECT_CUE);
  let placed: string | undefined;
  for (const i of iocs) {
    if (i.type === 'file_name' && a.files.length < MAX_FILES && isArtefactFile(i.value)) {
      placed ??= placedSentences.map((s) => s.text.toLowerCase()).join('\n');
      if (placed.includes(i.value.toLowerCase())) add(a.files, i.value);
    }
    if (i.type === 'file_path' && isArtefactPath(i.value)) add(a.paths, i.value);
  }
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i];
    const t = s.masked;
    if (placedAt.has(i)) {
      if (t.includes(':\\')) for (const m of t.matchAll(WIN_PATH)) if (isArtefactPath(m[0].replace(/[.,;:)]+$/, ''))) add(a.paths, m[0]);
      if (t.includes('/')) for (const m of t.matchAll(NIX_PATH)) if (isArtefactPath(m[0].replace(/[.,;:)]+$/, ''))) add(a.paths, m[0]);
    }
    // One cue before the five named-object patterns (most sentences name none).
    if (!cued.has(i)) continue;
    for (const m of t.matchAll(TASK)) add(a.tasks, firstGroup(m));
    for (const m of t.matchAll(SERVICE)) add(a.services, firstGroup(m));
    for (const m of t.matchAll(MUTEX)) add(a.mutexes, m[1] ?? codeLike(m[2]));
    for (const m of t.matchAll(PIPE)) add(a.pipes, m[1] ?? m[2] ?? codeLike(m[3]));
    for (const m of s.text.matchAll(AGENT)) add(a.agents, firstGroup(m));
  }
  for (const m of text.matchAll(COMMAND_LINE)) if (a.commands.length < 20) add(a.commands, m[1].slice(0, 200));
  return a;
}

export function isEmpty(a: Artefacts): boolean {
  return Object.values(a).every((l: string[]) => !l.length);
}
