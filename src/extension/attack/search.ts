import * as vscode from 'vscode';
import { attackUrl } from '../../engine/attack/lookup';
import { attackIndex } from './data';

type Item = vscode.QuickPickItem & { id: string };

const INSERT = { iconPath: new vscode.ThemeIcon('insert'), tooltip: 'Insert the ID at the cursor' };
const OPEN = { iconPath: new vscode.ThemeIcon('link-external'), tooltip: 'Open on attack.mitre.org' };

/** "Search ATT&CK…": type an ID or words of a name; Enter inserts the ID into the editor (or opens the page). */
export async function searchAttack(): Promise<string | undefined> {
  const index = attackIndex();
  if (!index) throw new Error('MITRE ATT&CK® data is not loaded.');
  const editor = vscode.window.activeTextEditor;
  const qp = vscode.window.createQuickPick<Item>();
  qp.title = `Search MITRE ATT&CK® v${index.attackVersion}`;
  qp.placeholder = 'ID or name, e.g. T1059.001, powershell, APT29, Cobalt Strike';
  qp.matchOnDescription = true;
  qp.matchOnDetail = true;
  const toItems = (q: string): Item[] =>
    index.search(q, 60).map((r) => ({ id: r.id, label: r.id, description: r.name, detail: r.detail, buttons: [INSERT, OPEN], alwaysShow: true }));
  qp.onDidChangeValue((v) => (qp.items = toItems(v)));
  const chosen = await new Promise<{ item: Item; action: 'insert' | 'open' } | undefined>((resolve) => {
    qp.onDidAccept(() => resolve(qp.selectedItems[0] ? { item: qp.selectedItems[0], action: editor ? 'insert' : 'open' } : undefined));
    qp.onDidTriggerItemButton((e) => resolve({ item: e.item, action: e.button === OPEN ? 'open' : 'insert' }));
    qp.onDidHide(() => resolve(undefined));
    qp.show();
  });
  qp.dispose();
  if (!chosen) return undefined;
  if (chosen.action === 'insert' && editor) {
    await editor.edit((e) => editor.selections.forEach((s) => e.replace(s, chosen.item.id)));
  } else {
    const url = attackUrl(chosen.item.id);
    if (url) await vscode.env.openExternal(vscode.Uri.parse(url));
  }
  return chosen.item.id;
}
