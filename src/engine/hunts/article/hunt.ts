// The article-specific hunt: the attacker artefacts this article presents (artefacts.ts), hunted where each one shows
// up in telemetry. Its ID comes from the briefing and the artefacts, so the same article always gives the same ID.
import { createHash } from 'node:crypto';
import type { Hunt, Ioc, TechniqueHit } from '../../model';
import type { JoinedSentences } from '../../text/sentence-search';
import type { Sentence } from '../../text/sentences';
import { kqlDynamic, splIn } from '../ioc/fill';
import { pathTail } from '../ioc/templates';
import { Artefacts, findArtefacts } from './artefacts';

const PROCESS_FILE = /\.(?:exe|scr|com)$/i;
const TSTATS = '| tstats `security_content_summariesonly` count min(_time) as firstTime max(_time) as lastTime';

function or(parts: string[]): string {
  return parts.length === 1 ? parts[0] : `(${parts.join('\n    OR ')})`;
}

const wild = (v: string): string => `*${v}*`;

function buildSpl(a: Artefacts, terms: string[]): { spl: string; splunk: string[] } {
  const arms: string[] = [];
  const splunk: string[] = [];
  const proc = [...splIn('Processes.process_name', a.files), ...splIn('Processes.process', terms.map(wild))];
  if (proc.length) {
    splunk.push('Endpoint.Processes');
    arms.push([TSTATS, '  from datamodel=Endpoint.Processes', `  where ${or(proc)}`,
      '  by Processes.dest Processes.user Processes.parent_process_name Processes.process_name Processes.process_path Processes.process',
      '| `drop_dm_object_name(Processes)`'].join('\n'));
  }
  if (a.services.length) {
    splunk.push('Endpoint.Services');
    arms.push([TSTATS, '  from datamodel=Endpoint.Services', `  where ${or(splIn('Services.service_name', a.services))}`,
      '  by Services.dest Services.service_name Services.service_path Services.start_mode', '| `drop_dm_object_name(Services)`'].join('\n'));
  }
  if (a.agents.length) {
    splunk.push('Web.Web');
    arms.push([TSTATS, '  from datamodel=Web.Web', `  where ${or(splIn('Web.http_user_agent', a.agents))}`,
      '  by Web.src Web.dest Web.url Web.http_user_agent', '| `drop_dm_object_name(Web)`'].join('\n'));
  }
  if (a.pipes.length) {
    // No CIM data model holds named pipes: Sysmon pipe events (17 created, 18 connected) are searched raw.
    splunk.push('Sysmon EventCode 17/18 (raw)');
    arms.push(['search sourcetype="XmlWinEventLog:Microsoft-Windows-Sysmon/Operational" EventCode IN (17, 18)',
      `  ${or(splIn('PipeName', a.pipes.map((p) => wild(p))))}`, '| stats count min(_time) as firstTime max(_time) as lastTime by host PipeName Image'].join('\n'));
  }
  const [first, ...rest] = arms;
  const spl = [first, ...rest.map((r) => `| append\n    [${r}]`),
    '| `security_content_ctime(firstTime)`', '| `security_content_ctime(lastTime)`'].join('\n');
  return { spl, splunk };
}

function buildKql(a: Artefacts, terms: string[]): { kql: string; defender: string[] } {
  const lets: string[] = [];
  const arms: string[] = [];
  const defender: string[] = [];
  if (a.files.length) lets.push(`let article_files = ${kqlDynamic(a.files)};`);
  if (terms.length) lets.push(`let article_terms = ${kqlDynamic(terms)};`);
  if (a.files.length || terms.length) {
    const cond = [a.files.length ? 'FileName in~ (article_files)' : '', terms.length ? 'ProcessCommandLine has_any (article_terms) or FolderPath has_any (article_terms)' : '']
      .filter(Boolean).join(' or ');
    defender.push('DeviceProcessEvents');
    arms.push(['DeviceProcessEvents', '    | where Timestamp > ago(30d)', `    | where ${cond}`,
      '    | project Timestamp, DeviceName, Source = "process", FileName, Evidence = ProcessCommandLine, InitiatingProcessFileName'].join('\n'));
  }
  const eventTerms = [...a.tasks, ...a.services, ...a.pipes];
  if (eventTerms.length) {
    lets.push(`let article_objects = ${kqlDynamic(eventTerms)};`);
    defender.push('DeviceEvents');
    arms.push(['DeviceEvents', '    | where Timestamp > ago(30d)', '    | where ActionType in ("ScheduledTaskCreated", "ScheduledTaskUpdated", "ServiceInstalled", "NamedPipeEvent")',
      '    | where AdditionalFields has_any (article_objects)',
      '    | project Timestamp, DeviceName, Source = ActionType, FileName, Evidence = AdditionalFields, InitiatingProcessFileName'].join('\n'));
  }
  if (a.agents.length) {
    lets.push(`let article_agents = ${kqlDynamic(a.agents)};`);
    defender.push('DeviceNetworkEvents');
    arms.push(['DeviceNetworkEvents', '    | where Timestamp > ago(30d)', '    | where ActionType == "HttpConnectionInspected" and AdditionalFields has_any (article_agents)',
      '    | project Timestamp, DeviceName, Source = "http", FileName = InitiatingProcessFileName, Evidence = AdditionalFields, InitiatingProcessFileName'].join('\n'));
  }
  const body = arms.length === 1 ? arms[0].replace(/\n {4}/g, '\n') : 'union\n' + arms.map((x) => `  (${x})`).join(',\n');
  return { kql: [...lets, body, '| order by Timestamp desc'].join('\n'), defender };
}

function listWords(label: string, values: string[]): string | undefined {
  if (!values.length) return undefined;
  const shown = values.slice(0, 3).map((v) => `“${v.length > 60 ? v.slice(0, 59) + '…' : v}”`).join(', ');
  return `${label} ${shown}${values.length > 3 ? ` and ${values.length - 3} more` : ''}`;
}

export interface ArticleHuntInput {
  briefingId: string;
  text: string;
  sentences: readonly Sentence[];
  /** The sentences' masked texts joined by line breaks, when the caller already has them (sentence-search.ts). */
  joined?: JoinedSentences;
  iocs: readonly Ioc[];
  techniques: readonly TechniqueHit[];
}

/** The article's own hunt, or undefined when it presents no artefact that telemetry records. */
export function articleHunt(input: ArticleHuntInput): Hunt | undefined {
  const a = findArtefacts(input.text, input.sentences, input.iocs, input.joined);
  // Only executables are process names; a DLL, script or archive shows up in the command line that loads or opens it.
  const fileTerms = a.files.filter((f) => !PROCESS_FILE.test(f));
  const terms = [...fileTerms, ...a.paths.map((p) => pathTail(p).tail), ...a.tasks, ...a.commands];
  const hunted: Artefacts = { ...a, files: a.files.filter((f) => PROCESS_FILE.test(f)) };
  if (!hunted.files.length && !terms.length && !a.services.length && !a.pipes.length && !a.agents.length) return undefined;
  const { spl, splunk } = buildSpl(hunted, terms);
  const { kql, defender } = buildKql(hunted, terms);
  const all = [...a.files, ...a.paths, ...a.tasks, ...a.services, ...a.pipes, ...a.mutexes, ...a.agents, ...a.commands];
  const id = 'UC_ARTICLE_' + createHash('sha256').update([input.briefingId, ...all].join('\n'), 'utf8').digest('hex').slice(0, 8).toUpperCase();
  const named = [listWords('files', a.files), listWords('paths', a.paths), listWords('scheduled tasks', a.tasks), listWords('services', a.services),
    listWords('named pipes', a.pipes), listWords('mutexes', a.mutexes), listWords('user agents', a.agents), listWords('command lines', a.commands)].filter(Boolean);
  const lower = all.map((v) => v.toLowerCase());
  const mentions = (s: string): boolean => {
    const l = s.toLowerCase();
    return lower.some((v) => l.includes(v));
  };
  const evidence: string[] = [];
  for (const s of input.sentences) {
    if (evidence.length >= 3) break;
    if (mentions(s.text) && !evidence.includes(s.text)) evidence.push(s.text);
  }
  const techniques = input.techniques.filter((t) => t.evidence.some(mentions)).map((t) => t.id);
  return {
    id,
    kind: 'article',
    title: 'Artefacts named in this article',
    description: 'Processes, command lines, scheduled tasks, services, named pipes and user agents that match the attacker artefacts ' +
      'this article presents. These are the campaign\'s own names and paths, so a hit is specific; they also change between ' +
      'campaigns, so a miss proves little.' + (a.mutexes.length ? ` Mutex names (${a.mutexes.join(', ')}) are not in standard telemetry: check them with a memory or handle scan.` : ''),
    phase: 'install',
    confidence: 'medium',
    techniques: [...new Set(techniques)],
    reason: `The article names ${named.join('; ')}.`,
    evidence,
    telemetry: { splunk, defender },
    spl,
    kql,
    falsePositives: ['Generic-looking names and paths can collide with legitimate software; confirm with the hash, signer or parent process.'],
    iocs: all,
  };
}
