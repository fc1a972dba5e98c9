import * as vscode from 'vscode';
import { Briefing, SEVERITIES } from '../../engine/model';
import { BrokenBriefing, StoredBriefing } from '../../engine/store/store';
import { openStore } from '../core/briefingsFolder';
import { logError } from '../core/log';
import { GroupBy, settings } from '../core/settings';

export type Node =
  | { kind: 'group'; label: string; items: StoredBriefing[] }
  | { kind: 'briefing'; stored: StoredBriefing; root: vscode.Uri }
  | { kind: 'section'; label: 'IOCs' | 'Techniques' | 'Hunts'; stored: StoredBriefing }
  | { kind: 'ioc' | 'technique' | 'hunt'; label: string; description: string; value: string; tooltip: string; stored: StoredBriefing }
  | { kind: 'broken'; broken: BrokenBriefing; root: vscode.Uri };

const SEVERITY_ICON: Record<string, vscode.ThemeIcon> = {
  CRIT: new vscode.ThemeIcon('flame', new vscode.ThemeColor('errorForeground')),
  HIGH: new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')),
  MED: new vscode.ThemeIcon('info'),
  LOW: new vscode.ThemeIcon('circle-outline'),
};

/** The Briefings tree: groups (by date, severity or source) → briefings → IOCs, techniques, hunts. */
export class BriefingsTree implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private cache: { briefings: StoredBriefing[]; broken: BrokenBriefing[]; root: vscode.Uri } | undefined;

  refresh(): void {
    this.cache = undefined;
    this.changed.fire(undefined);
  }

  dispose(): void {
    this.changed.dispose();
  }

  get groupBy(): GroupBy {
    return settings().tree.groupBy;
  }

  /** All briefings currently shown (loads them if needed). */
  async briefings(): Promise<StoredBriefing[]> {
    return (await this.load())?.briefings ?? [];
  }

  private async load() {
    if (this.cache) return this.cache;
    const opened = openStore();
    if (!opened) return undefined;
    try {
      const { briefings, broken } = await opened.store.list();
      this.cache = { briefings, broken, root: opened.root };
    } catch (e) {
      logError('Could not read the briefings folder', e);
      this.cache = { briefings: [], broken: [], root: opened.root };
    }
    return this.cache;
  }

  async getChildren(node?: Node): Promise<Node[]> {
    const data = await this.load();
    if (!data) return [];
    if (!node) {
      const groups = groupBriefings(data.briefings, this.groupBy).map((g): Node => ({ kind: 'group', ...g }));
      return [...groups, ...data.broken.map((broken): Node => ({ kind: 'broken', broken, root: data.root }))];
    }
    switch (node.kind) {
      case 'group':
        return node.items.map((stored): Node => ({ kind: 'briefing', stored, root: data.root }));
      case 'briefing': {
        const b = node.stored.briefing;
        const sections: Node[] = [];
        if (b.iocs.length) sections.push({ kind: 'section', label: 'IOCs', stored: node.stored });
        if (b.techniques.length) sections.push({ kind: 'section', label: 'Techniques', stored: node.stored });
        if (b.hunts.length) sections.push({ kind: 'section', label: 'Hunts', stored: node.stored });
        return sections;
      }
      case 'section':
        return sectionChildren(node.label, node.stored);
      default:
        return [];
    }
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.kind) {
      case 'group': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
        item.description = `${node.items.length}`;
        item.contextValue = 'group';
        return item;
      }
      case 'briefing': {
        const b = node.stored.briefing;
        const item = new vscode.TreeItem(b.title, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `briefing:${node.stored.jsonPath}`;
        item.description = `${b.severity} · ${b.source}${b.published ? ' · ' + b.published : ''}`;
        item.iconPath = SEVERITY_ICON[b.severity];
        item.tooltip = new vscode.MarkdownString(
          `**[${b.severity}] ${escapeMd(b.title)}**\n\n${escapeMd(b.source)}${b.published ? ' · ' + b.published : ''}\n\n` +
            `${b.iocs.length} IOCs · ${b.techniques.length} techniques · ${b.hunts.length} hunts`,
        );
        item.contextValue = 'briefing';
        item.resourceUri = vscode.Uri.joinPath(node.root, ...node.stored.markdownPath.split('/'));
        item.command = { command: 'threatBriefings.openBriefing', title: 'Open Briefing', arguments: [node] };
        return item;
      }
      case 'section': {
        const b = node.stored.briefing;
        const count = node.label === 'IOCs' ? b.iocs.length : node.label === 'Techniques' ? b.techniques.length : b.hunts.length;
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Collapsed);
        item.description = `${count}`;
        item.iconPath = new vscode.ThemeIcon(node.label === 'IOCs' ? 'shield' : node.label === 'Techniques' ? 'symbol-class' : 'search');
        item.contextValue = 'section';
        return item;
      }
      case 'broken': {
        const item = new vscode.TreeItem(node.broken.jsonPath, vscode.TreeItemCollapsibleState.None);
        item.description = 'unreadable';
        item.tooltip = `This briefing's JSON could not be read: ${node.broken.error}. The file is left as it is.`;
        item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
        item.contextValue = 'broken';
        const uri = vscode.Uri.joinPath(node.root, ...node.broken.jsonPath.split('/'));
        item.command = { command: 'vscode.open', title: 'Open', arguments: [uri] };
        return item;
      }
      default: {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
        item.description = node.description;
        item.tooltip = node.tooltip;
        item.contextValue = node.kind;
        item.iconPath = new vscode.ThemeIcon(node.kind === 'ioc' ? 'symbol-constant' : node.kind === 'technique' ? 'symbol-field' : 'symbol-event');
        return item;
      }
    }
  }
}

function sectionChildren(label: 'IOCs' | 'Techniques' | 'Hunts', stored: StoredBriefing): Node[] {
  const b: Briefing = stored.briefing;
  if (label === 'IOCs') {
    return b.iocs.map((i) => ({ kind: 'ioc', label: i.display, description: i.type, value: i.value, tooltip: `${i.type} · ${i.reason}`, stored }));
  }
  if (label === 'Techniques') {
    return b.techniques.map((t) => ({
      kind: 'technique', label: `${t.id} ${t.name}`, description: t.tactics.join(', '), value: t.id,
      tooltip: t.evidence[0] ?? t.name, stored,
    }));
  }
  return b.hunts.map((h) => ({ kind: 'hunt', label: h.title, description: h.id, value: h.id, tooltip: h.reason, stored }));
}

export function groupBriefings(items: StoredBriefing[], by: GroupBy): Array<{ label: string; items: StoredBriefing[] }> {
  const keyOf = (s: StoredBriefing) =>
    by === 'severity' ? s.briefing.severity : by === 'source' ? s.briefing.source || 'Unknown source' : s.jsonPath.slice(0, 10);
  const map = new Map<string, StoredBriefing[]>();
  for (const s of items) {
    const k = keyOf(s);
    map.set(k, [...(map.get(k) ?? []), s]);
  }
  const keys = [...map.keys()];
  if (by === 'severity') keys.sort((a, b) => SEVERITIES.indexOf(b as never) - SEVERITIES.indexOf(a as never));
  else if (by === 'date') keys.sort().reverse();
  else keys.sort((a, b) => a.localeCompare(b));
  return keys.map((label) => ({ label, items: map.get(label)! }));
}

function escapeMd(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
