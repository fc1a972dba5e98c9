// Add Hunt to Detection Repository…: detects the workspace's repository layout, proposes the folder and file
// name the layout expects, lets the user change it, and writes a new file — never over an existing one.
import * as vscode from 'vscode';
import { exportBriefingHunt } from '../../engine/huntExport';
import { HUNT_FORMATS, type HuntFormat } from '../../engine/exports/types';
import { exists, listWorkspaceFiles, workspaceUri } from '../core/workspaceFiles';
import { BriefingsTree } from '../tree/briefingsTree';
import { detectLayouts, foldersOf, nextFreeName, proposePath, relativePathProblem, RepoLayout } from './layout';
import { ChosenHunt, huntFromArg, pickHunt } from './resolve';
import { sigmaLogsource } from './sigmaBlock';
import { exportOptions } from './exportOptions';

export type AddResult =
  | { status: 'written'; uri: string; format: HuntFormat }
  | { status: 'exists'; uri: string }
  | { status: 'unsupported'; reason: string }
  | { status: 'untrusted' | 'cancelled' | 'no-workspace' };

/**
 * Arguments from code: `{hunt, briefingJson?, format?, target?, ask?}`. `target` (workspace-relative; a trailing
 * `/` means a folder) or `ask: false` (take the proposed path) make the command ask nothing, so scripted callers
 * and tests never block on a dialog; an existing file is then reported, not replaced.
 */
export interface AddArgs {
  format?: HuntFormat;
  target?: string;
  ask?: boolean;
}

const FORMAT_LABEL: Record<HuntFormat, string> = {
  sigma: 'Sigma rule (.yml)', security_content: 'Splunk security_content detection (.yml)',
  sentinel: 'Microsoft Sentinel hunting query (.yaml)', spl: 'Splunk SPL file (.spl)', kql: 'KQL file (.kql)',
};

async function chooseLayout(layouts: RepoLayout[]): Promise<RepoLayout | undefined> {
  if (layouts.length === 1) return layouts[0];
  const items = layouts.length
    ? layouts.map((l) => ({ label: l.label, description: FORMAT_LABEL[l.format], layout: l }))
    : HUNT_FORMATS.map((f) => ({ label: FORMAT_LABEL[f], description: 'no such repository found: written at the workspace root', layout: { format: f, root: '', label: f } }));
  const picked = await vscode.window.showQuickPick(items, { placeHolder: layouts.length ? 'This workspace has several detection layouts: where does the hunt go?' : 'No detection repository layout found in this workspace: which format?' });
  return picked?.layout;
}

function argsOf(arg: unknown): AddArgs {
  return typeof arg === 'object' && arg !== null ? (arg as AddArgs) : {};
}

async function askPath(value: string, prompt: string, root: vscode.Uri): Promise<string | undefined> {
  const typed = await vscode.window.showInputBox({
    title: 'Add Hunt to Detection Repository', prompt, value, valueSelection: [value.lastIndexOf('/') + 1, value.lastIndexOf('.') > value.lastIndexOf('/') ? value.lastIndexOf('.') : value.length],
    validateInput: async (v) => relativePathProblem(v) ?? ((await exists(workspaceUri(root, v.trim()))) ? 'A file with this name exists and is never overwritten: choose another name.' : undefined),
  });
  return typed?.trim().replace(/\\/g, '/');
}

export async function addHuntToRepository(tree: BriefingsTree, arg?: unknown): Promise<AddResult> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showErrorMessage('Threat Briefings: this workspace is not trusted, so hunts are not written into it. Trust the workspace (Manage Workspace Trust) to add hunts to its detection repository; inserting a hunt into an open editor still works.');
    return { status: 'untrusted' };
  }
  const listed = await listWorkspaceFiles((n) => /\.(?:ya?ml|spl|kql)$/i.test(n));
  if (!listed) {
    void vscode.window.showInformationMessage('Threat Briefings: open the detection repository as a workspace folder first.');
    return { status: 'no-workspace' };
  }
  const chosen = (await huntFromArg(arg, tree)) ?? (await pickHunt(tree, 'Hunt to add to the detection repository'));
  if (!chosen) return { status: 'cancelled' };
  const { format, target, ask } = argsOf(arg);
  const interactive = target === undefined && ask !== false;
  const layouts = detectLayouts(listed.files);
  const layout = format
    ? layouts.find((l) => l.format === format) ?? { format, root: '', label: format }
    : await chooseLayout(layouts);
  if (!layout) return { status: 'cancelled' };
  return write(chosen, layout, listed.root, foldersOf(listed.files), target, interactive);
}

async function write(c: ChosenHunt, layout: RepoLayout, root: vscode.Uri, folders: Set<string>, target: string | undefined, interactive: boolean): Promise<AddResult> {
  const r = exportBriefingHunt(layout.format, c.hunt, c.briefing, exportOptions(c.briefing));
  if (!r.ok) {
    const why = `${c.hunt.id} cannot be a ${FORMAT_LABEL[layout.format]}: ${r.reason}`;
    if (!interactive || layout.format === 'spl' || layout.format === 'kql') {
      void vscode.window.showWarningMessage(`Threat Briefings: ${why}.`);
      return { status: 'unsupported', reason: why };
    }
    const alt = await vscode.window.showWarningMessage(`Threat Briefings: ${why}. Write its query as a plain file instead?`, 'Write .spl', 'Write .kql');
    if (!alt) return { status: 'unsupported', reason: why };
    // The plain file goes where the rule would have gone, so it sits with the repository's other content.
    const dir = proposePath(layout, { fileName: 'x', telemetry: c.hunt.telemetry }, folders).replace(/\/?x$/, '');
    const plain: RepoLayout = { format: alt === 'Write .spl' ? 'spl' : 'kql', root: dir, label: alt };
    return write(c, plain, root, folders, undefined, interactive);
  }
  const proposed = target === undefined || target.endsWith('/')
    ? (target ? `${target}${r.fileName}` : proposePath(layout, { fileName: r.fileName, logsource: layout.format === 'sigma' ? sigmaLogsource(r.text) : undefined, telemetry: c.hunt.telemetry }, folders))
    : target;
  let rel = interactive ? await askPath(proposed, `Where the ${FORMAT_LABEL[layout.format]} goes, relative to the workspace folder`, root) : proposed;
  if (!rel) return { status: 'cancelled' };
  const problem = relativePathProblem(rel);
  if (problem) throw new Error(problem);
  for (;;) {
    const uri = workspaceUri(root, rel);
    if (!(await exists(uri))) break;
    // Never overwritten: say so, and offer a free name next to it.
    const msg = `Threat Briefings: ${rel} already exists and is left as it is.`;
    if (!interactive) {
      void vscode.window.showWarningMessage(msg);
      return { status: 'exists', uri: uri.toString() };
    }
    const again = await vscode.window.showWarningMessage(msg, 'Choose Another Name');
    if (!again) return { status: 'cancelled' };
    const taken = new Set<string>();
    let free = nextFreeName(rel, () => false);
    // Up to a few probes on disk; the input box re-checks whatever the user types.
    for (let i = 0; i < 20 && (await exists(workspaceUri(root, free))); i++) {
      taken.add(free);
      free = nextFreeName(free, (p) => taken.has(p));
    }
    rel = await askPath(free, 'A new name for the file', root);
    if (!rel) return { status: 'cancelled' };
  }
  const uri = workspaceUri(root, rel);
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(r.text));
  await vscode.window.showTextDocument(uri, { preview: false });
  void vscode.window.showInformationMessage(`Threat Briefings: wrote ${rel}.`);
  return { status: 'written', uri: uri.toString(), format: layout.format };
}
