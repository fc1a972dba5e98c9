// `threat-briefings hunts …`: the hunt catalogue (behaviour hunts and IOC hunt templates), one hunt, or the templates
// document. Everything is rendered from the catalogue's own definitions.
import { Command, UsageError } from '../command';
import { huntListing, listedHunt } from '../../engine/hunts/listing';
import { renderTemplatesDoc } from '../../engine/hunts/templates-doc';
import { fenced } from '../../engine/text/fence';
import { sigmaDetectionText } from '../../engine/exports/export';
import { catalogueSigma } from '../../engine/huntExport';
import type { Hunt } from '../../engine/model';

const USAGE = `threat-briefings hunts [--json]          list the catalogue: behaviour hunts and IOC hunt templates
threat-briefings hunts show <ID> [--json]  one hunt: description, trigger, telemetry, SPL, KQL, Sigma
threat-briefings hunts templates           the IOC hunt templates as a Markdown document`;

function sigmaLines(h: Hunt): string[] {
  const s = catalogueSigma(h);
  if (s?.sigma) return ['**Sigma detection:**', '', fenced('yaml', sigmaDetectionText(s.sigma).trimEnd()), ''];
  if (s?.sigmaUnsupported) return [`**Sigma:** not expressible: ${s.sigmaUnsupported}`, ''];
  return [];
}

function showMarkdown(h: Hunt): string {
  return [
    `# ${h.title}`, '',
    `\`${h.id}\` · ${h.kind} · phase: **${h.phase}** · techniques: ${h.techniques.join(', ')}`, '',
    h.description, '', h.reason, '',
    `**Telemetry:** Splunk ${h.telemetry.splunk.join(', ')}; Defender ${h.telemetry.defender.join(', ')}`, '',
    '**Splunk SPL (CIM):**', '', fenced('spl', h.spl), '', '**Defender KQL:**', '', fenced('kql', h.kql), '',
    ...sigmaLines(h),
    `**False positives:** ${h.falsePositives.join(' ')}`, '',
  ].join('\n');
}

export const huntsCommand: Command = {
  name: 'hunts',
  summary: 'The hunt catalogue: list, show ID, templates',
  usage: USAGE,
  run: async (argv, io) => {
    const args = [...argv];
    const j = args.indexOf('--json');
    const json = j >= 0;
    if (json) args.splice(j, 1);
    const [sub, ...rest] = args;
    if (sub === undefined) {
      const all = huntListing();
      if (json) io.out(JSON.stringify(all, null, 2));
      else for (const h of all) io.out(`${h.id.padEnd(32)} ${h.kind.padEnd(9)} ${h.phase.padEnd(8)} ${h.title}`);
      return 0;
    }
    if (sub === 'show') {
      if (rest.length !== 1) throw new UsageError(`threat-briefings hunts show: give one hunt ID.\n\nUsage: ${USAGE}`);
      const h = listedHunt(rest[0]);
      if (!h) {
        io.err(`threat-briefings hunts show: no hunt '${rest[0]}' (threat-briefings hunts lists them).`);
        return 1;
      }
      io.out(json ? JSON.stringify({ ...h, ...catalogueSigma(h) }, null, 2) : showMarkdown(h));
      return 0;
    }
    if (sub === 'templates' && !rest.length && !json) {
      io.out(renderTemplatesDoc());
      return 0;
    }
    throw new UsageError(`threat-briefings hunts: unknown arguments '${args.join(' ')}'.\n\nUsage: ${USAGE}`);
  },
};
