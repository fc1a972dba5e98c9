// CodeLens above each hunt of a briefing's Markdown: Insert SPL, Insert KQL, Add to repository…. Only where the
// JSON beside the Markdown is a briefing that has the hunt.
import * as vscode from 'vscode';
import { briefingOfDocument } from './briefingOfDocument';
import { findHuntBlocks } from './huntBlocks';

export class HuntCodeLensProvider implements vscode.CodeLensProvider {
  async provideCodeLenses(doc: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    const blocks = findHuntBlocks(doc.getText());
    if (!blocks.length) return [];
    const own = await briefingOfDocument(doc);
    if (!own) return [];
    const ids = new Set(own.briefing.hunts.map((h) => h.id));
    const json = own.json.toString();
    return blocks.filter((b) => ids.has(b.id)).flatMap((b) => {
      const range = new vscode.Range(b.line, 0, b.line, 0);
      const args = { hunt: b.id, briefingJson: json };
      return [
        new vscode.CodeLens(range, { title: 'Insert SPL', command: 'threatBriefings.insertHunt', arguments: [{ ...args, as: 'spl' }], tooltip: 'Insert this hunt\'s Splunk SPL at the cursor of the last active editor' }),
        new vscode.CodeLens(range, { title: 'Insert KQL', command: 'threatBriefings.insertHunt', arguments: [{ ...args, as: 'kql' }], tooltip: 'Insert this hunt\'s Defender KQL at the cursor of the last active editor' }),
        new vscode.CodeLens(range, { title: 'Add to repository…', command: 'threatBriefings.exportHunt', arguments: [args] }),
      ];
    });
  }
}
