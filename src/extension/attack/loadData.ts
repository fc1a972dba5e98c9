import * as vscode from 'vscode';
import { buildIndex } from '../../engine/attack/build-index';
import { parseStixBundle } from '../../engine/attack/stix';
import { INDEX_FILE_NAME } from '../../engine/attack/paths';
import { fetchUrl } from '../../engine/article/fetch';
import { log } from '../core/log';
import { resetAttackIndex } from './data';

/** MITRE's published Enterprise bundle; fetched only when the user picks it. */
export const MITRE_BUNDLE_URL = 'https://raw.githubusercontent.com/mitre-attack/attack-stix-data/master/enterprise-attack/enterprise-attack.json';
/** The user-built index in global storage has the same name as the bundled one. */
export const USER_INDEX_FILE = INDEX_FILE_NAME;

async function resetToBundled(context: vscode.ExtensionContext): Promise<undefined> {
  await Promise.resolve(vscode.workspace.fs.delete(vscode.Uri.joinPath(context.globalStorageUri, USER_INDEX_FILE))).catch(() => undefined);
  resetAttackIndex();
  void vscode.window.showInformationMessage('Threat Briefings: using the bundled MITRE ATT&CK® data.');
  return undefined;
}

/**
 * "Load ATT&CK Data…": builds the index from a STIX bundle the user picks (or MITRE's published URL) and caches it
 * in the extension's global storage, where it is used from then on instead of the bundled index.
 */
export async function loadAttackData(context: vscode.ExtensionContext, fileArg?: unknown): Promise<string | undefined> {
  let source: { file?: vscode.Uri; url?: string } | undefined;
  if (typeof fileArg === 'string') source = { file: vscode.Uri.file(fileArg) };
  else if ((fileArg as { reset?: boolean } | undefined)?.reset) return resetToBundled(context);
  else {
    const pick = await vscode.window.showQuickPick([
      { label: '$(file) From a STIX bundle file…', detail: 'enterprise-attack.json or .json.gz', value: 'file' },
      { label: '$(cloud-download) From MITRE’s published bundle', detail: MITRE_BUNDLE_URL, value: 'url' },
      { label: '$(discard) Use the bundled data again', value: 'reset' },
    ], { title: 'Load MITRE ATT&CK® data' });
    if (!pick) return undefined;
    if (pick.value === 'reset') return resetToBundled(context);
    if (pick.value === 'file') {
      const files = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { 'STIX bundle': ['json', 'gz'] }, title: 'STIX bundle' });
      if (!files?.length) return undefined;
      source = { file: files[0] };
    } else source = { url: MITRE_BUNDLE_URL };
  }
  const data = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Loading MITRE ATT&CK® data', cancellable: true }, async (progress, token) => {
    const ac = new AbortController();
    token.onCancellationRequested(() => ac.abort());
    progress.report({ message: source!.url ? 'downloading…' : 'reading…' });
    const bytes = source!.url
      ? Buffer.from((await fetchUrl(source!.url, { maxBytes: 200_000_000, timeoutMs: 300_000, signal: ac.signal, accept: 'application/json' })).body, 'utf8')
      : Buffer.from(await vscode.workspace.fs.readFile(source!.file!));
    progress.report({ message: 'building the index…' });
    return buildIndex(parseStixBundle(bytes, source!.url ?? source!.file!.fsPath), { fileName: source!.url ?? source!.file!.fsPath });
  });
  await vscode.workspace.fs.createDirectory(context.globalStorageUri);
  const target = vscode.Uri.joinPath(context.globalStorageUri, USER_INDEX_FILE);
  await vscode.workspace.fs.writeFile(target, Buffer.from(JSON.stringify(data)));
  resetAttackIndex();
  log().info(`Built MITRE ATT&CK® v${data.attackVersion} index (${data.techniques.length} techniques) into ${target.fsPath}`);
  void vscode.window.showInformationMessage(`Threat Briefings: MITRE ATT&CK® v${data.attackVersion} loaded (${data.techniques.length} techniques).`);
  return data.attackVersion;
}
