// Which hunt a hunt command acts on, and with which briefing: a tree hunt node, command arguments
// `{hunt, briefingJson}` (CodeLens, hover links, tests), or a quick pick across the briefings' hunts and the
// catalogue. A catalogue hunt gets the minimal briefing context of context.ts.
import * as vscode from 'vscode';
import { parseBriefing } from '../../engine/exports/briefing-file';
import { catalogue } from '../../engine/hunts/catalogue';
import { behaviourListing, listedHunt } from '../../engine/hunts/listing';
import type { Briefing, Hunt } from '../../engine/model';
import { VERSION } from '../../engine/version';
import { BriefingsTree } from '../tree/briefingsTree';
import { catalogueBriefing } from './context';

export interface ChosenHunt {
  hunt: Hunt;
  briefing: Briefing;
  /** The briefing's JSON file; undefined for a catalogue hunt. */
  briefingJson?: vscode.Uri;
}

/** Arguments the commands accept from code (CodeLens, hover links, tests). */
export interface HuntArgs {
  /** A hunt ID or a Hunt object. */
  hunt: string | Hunt;
  /** The briefing's JSON: a URI string, or a path relative to the first workspace folder. */
  briefingJson?: string;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

export function toUri(s: string): vscode.Uri {
  if (/^[a-z][a-z0-9+.-]+:\//i.test(s)) return vscode.Uri.parse(s);
  const ws = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!ws) throw new Error('Open a workspace folder first.');
  return vscode.Uri.joinPath(ws, ...s.split(/[\\/]+/).filter(Boolean));
}

export async function readBriefing(uri: vscode.Uri): Promise<Briefing> {
  const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  return parseBriefing(text, vscode.workspace.asRelativePath(uri));
}

function fromCatalogue(id: string): ChosenHunt | undefined {
  const hunt = listedHunt(id);
  return hunt ? { hunt, briefing: catalogueBriefing(hunt, VERSION) } : undefined;
}

/** The hunt an argument names, or undefined when there is no argument (the caller then asks). */
export async function huntFromArg(arg: unknown, tree: BriefingsTree): Promise<ChosenHunt | undefined> {
  if (!isObject(arg)) return undefined;
  // A Briefings tree hunt node.
  if (arg.kind === 'hunt' && isObject(arg.hunt) && isObject(arg.stored) && arg.root instanceof vscode.Uri) {
    const stored = arg.stored as { briefing: Briefing; jsonPath: string };
    return { hunt: arg.hunt as unknown as Hunt, briefing: stored.briefing, briefingJson: vscode.Uri.joinPath(arg.root, ...stored.jsonPath.split('/')) };
  }
  if (!('hunt' in arg)) return undefined;
  const { hunt, briefingJson } = arg as unknown as HuntArgs;
  const id = typeof hunt === 'string' ? hunt : hunt.id;
  if (briefingJson) {
    const uri = toUri(briefingJson);
    const briefing = await readBriefing(uri);
    const found = typeof hunt === 'string' ? briefing.hunts.find((h) => h.id === id) : hunt;
    if (!found) throw new Error(`The briefing ${vscode.workspace.asRelativePath(uri)} has no hunt ${id}.`);
    return { hunt: found, briefing, briefingJson: uri };
  }
  if (typeof hunt !== 'string') return { hunt, briefing: catalogueBriefing(hunt, VERSION) };
  const listed = fromCatalogue(id);
  if (listed) return listed;
  // An article or IOC hunt named without its briefing: the first stored briefing that has it.
  for (const s of await tree.briefings()) {
    const h = s.briefing.hunts.find((x) => x.id === id);
    if (h) return { hunt: h, briefing: s.briefing };
  }
  throw new Error(`No hunt ${id} in the catalogue or in the stored briefings.`);
}

type Pick = vscode.QuickPickItem & { chosen?: () => ChosenHunt };

/** Quick pick: each briefing's hunts, then the catalogue's behaviour hunts. */
export async function pickHunt(tree: BriefingsTree, placeHolder: string): Promise<ChosenHunt | undefined> {
  const opened = (await tree.briefings());
  const items: Pick[] = [];
  for (const s of opened) {
    if (!s.briefing.hunts.length) continue;
    items.push({ label: s.briefing.title, kind: vscode.QuickPickItemKind.Separator });
    for (const h of s.briefing.hunts) {
      items.push({ label: h.title, description: h.id, detail: h.reason, chosen: () => ({ hunt: h, briefing: s.briefing }) });
    }
  }
  items.push({ label: 'Hunt catalogue', kind: vscode.QuickPickItemKind.Separator });
  for (const c of catalogue()) {
    const h = behaviourListing(c);
    items.push({ label: h.title, description: `${h.id} · ${h.techniques.join(', ')}`, chosen: () => ({ hunt: h, briefing: catalogueBriefing(h, VERSION) }) });
  }
  const picked = await vscode.window.showQuickPick(items, { placeHolder, matchOnDescription: true, matchOnDetail: true });
  return picked?.chosen?.();
}
