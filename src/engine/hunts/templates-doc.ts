// `threat-briefings hunts templates`: the IOC hunt templates as one Markdown document, rendered from the same
// definitions that briefings fill (ioc/templates.ts), so the document cannot drift from the hunts.
import { CHUNK } from './ioc/fill';
import { IOC_TEMPLATES } from './ioc/templates';
import { fenced } from '../text/fence';

export function renderTemplatesDoc(): string {
  const out: string[] = [
    '# IOC hunt templates', '',
    'Each briefing fills these templates with its own indicators of compromise: one hunt per template whose IOC types the ' +
      'briefing has, every IOC of those types included.', '',
    `- KQL: \`{{name}}\` becomes a \`dynamic([...])\` list of verbatim strings (\`@"…"\`, quotes doubled); lists longer than ${CHUNK} ` +
      'values are split into several literals joined with `array_concat`.',
    `- SPL: \`{{MATCH name:Field …}}\` becomes \`Field IN ("…", …)\` for every list that has values, OR-ed together, in chunks of ${CHUNK}; ` +
      'backslashes and quotes are escaped. Wildcards appear only where a list says so below.', '',
  ];
  for (const t of IOC_TEMPLATES) {
    out.push(`## ${t.title}`, '', `\`${t.id}\` · phase: **${t.phase}** · IOC types: ${t.types.map((x) => `\`${x}\``).join(', ')} · techniques: ${t.techniques.join(', ')}`, '');
    out.push(t.description, '', '**Placeholders:**', '');
    for (const l of t.lists) out.push(`- \`${l.name}\`: ${l.about}`);
    out.push('', `**Telemetry:** Splunk ${t.telemetry.splunk.join(', ')}; Defender ${t.telemetry.defender.join(', ')}`, '');
    out.push('**Splunk SPL (CIM):**', '', fenced('spl', t.spl), '', '**Defender KQL:**', '', fenced('kql', t.kql), '');
    out.push('**False positives:** ' + t.falsePositives.join(' '), '');
  }
  return out.join('\n');
}
