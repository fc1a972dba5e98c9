// Hover on hunt IDs (UC_…) in any file: what the hunt looks for, its telemetry and techniques, why it fired when
// hovered inside a briefing, and links to insert it or add it to the repository.
import * as vscode from 'vscode';
import { listedHunt } from '../../engine/hunts/listing';
import type { Hunt } from '../../engine/model';
import { attackIndex } from '../attack/data';
import { briefingOfDocument } from './briefingOfDocument';
import { huntIdAt } from './huntBlocks';

/** The only commands the hover's links may run. */
export const HOVER_COMMANDS = ['threatBriefings.insertHunt', 'threatBriefings.exportHunt'];

const esc = (s: string) => s.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');

function commandLink(id: string, label: string, args: unknown): string {
  return `[${label}](command:${id}?${encodeURIComponent(JSON.stringify([args]))})`;
}

export function huntHoverMarkdown(hunt: Hunt, inBriefing: { json: string } | undefined): string {
  const index = attackIndex();
  const out = [`**${esc(hunt.title)}** \`${hunt.id}\` · ${hunt.kind} hunt · ${hunt.phase}`, '', esc(hunt.description)];
  const tel = [...hunt.telemetry.splunk.map((t) => `Splunk \`${t}\``), ...hunt.telemetry.defender.map((t) => `Defender \`${t}\``)];
  if (tel.length) out.push('', `**Telemetry:** ${tel.join(', ')}`);
  if (hunt.techniques.length) {
    out.push('', '**Techniques:** ' + hunt.techniques.map((t) => {
      const name = index?.technique(t)?.name;
      return name ? `${t} ${esc(name)}` : t;
    }).join(', '));
  }
  if (inBriefing) {
    out.push('', `**Why it fired here:** ${esc(hunt.reason)}`);
    for (const e of hunt.evidence.slice(0, 2)) out.push('', `> ${esc(e)}`);
  }
  const args = inBriefing ? { hunt: hunt.id, briefingJson: inBriefing.json } : { hunt: hunt.id };
  out.push('', [commandLink('threatBriefings.insertHunt', 'Insert Hunt', args), commandLink('threatBriefings.exportHunt', 'Add to Repository…', args)].join(' · '));
  return out.join('\n');
}

export class HuntHoverProvider implements vscode.HoverProvider {
  async provideHover(doc: vscode.TextDocument, pos: vscode.Position): Promise<vscode.Hover | undefined> {
    const hit = huntIdAt(doc.lineAt(pos.line).text, pos.character);
    if (!hit) return undefined;
    const own = await briefingOfDocument(doc);
    const inBriefing = own?.briefing.hunts.find((h) => h.id === hit.id);
    const hunt = inBriefing ?? listedHunt(hit.id);
    if (!hunt) return undefined;
    const content = new vscode.MarkdownString(huntHoverMarkdown(hunt, inBriefing && own ? { json: own.json.toString() } : undefined));
    // Trusted only for our two commands: the text itself comes from briefings and is escaped.
    content.isTrusted = { enabledCommands: HOVER_COMMANDS };
    content.supportHtml = false;
    return new vscode.Hover(content, new vscode.Range(pos.line, hit.start, pos.line, hit.end));
  }
}
