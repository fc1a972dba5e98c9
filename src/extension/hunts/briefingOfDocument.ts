// The briefing a document belongs to: its own JSON, or the JSON beside a briefing's Markdown. Hunts are always
// resolved from the JSON, never by reading queries back out of Markdown.
import * as vscode from 'vscode';
import type { Briefing } from '../../engine/model';
import { readBriefing } from './resolve';

export function briefingJsonOf(doc: vscode.TextDocument): vscode.Uri | undefined {
  const p = doc.uri.path;
  if (p.endsWith('.json')) return doc.uri;
  if (p.endsWith('.md')) return doc.uri.with({ path: p.slice(0, -3) + '.json' });
  return undefined;
}

export async function briefingOfDocument(doc: vscode.TextDocument): Promise<{ briefing: Briefing; json: vscode.Uri } | undefined> {
  const json = briefingJsonOf(doc);
  if (!json) return undefined;
  try {
    return { briefing: await readBriefing(json), json };
  } catch {
    return undefined; // not a briefing (any other Markdown or JSON file)
  }
}
