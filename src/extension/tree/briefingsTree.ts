import * as vscode from 'vscode';
import { Briefing, Hunt, Ioc, IocType, PhaseHit, TechniqueHit } from '../../engine/model';
import { BriefingStore, BrokenBriefing, StoredBriefing } from '../../engine/store/store';
import type { IndexedBriefing } from '../../engine/store/summary';
import { briefingsFolderUri } from '../core/briefingsFolder';
import { logError } from '../core/log';
import { GroupBy, settings } from '../core/settings';
import { workspaceStoreFs } from '../core/storeFs';
import { briefingDescription, countsLine, firstLevel, Group, iocRole, iocsByType, plural, TreeFilter } from './grouping';

export type SectionLabel = 'IOCs' | 'Techniques' | 'Kill chain' | 'Hunts';

export type Node =
  | { kind: 'group'; label: string; detail?: string; items: IndexedBriefing[] }
  /** A briefing as the index lists it; its full JSON is read when it is expanded (BriefingsTree.full). */
  | { kind: 'briefing'; entry: IndexedBriefing; root: vscode.Uri }
  | { kind: 'section'; label: SectionLabel; stored: StoredBriefing; root: vscode.Uri }
  | { kind: 'iocType'; type: IocType; iocs: Ioc[]; stored: StoredBriefing; root: vscode.Uri }
  | { kind: 'tacticGroup'; tactic: string; techniques: TechniqueHit[]; stored: StoredBriefing; root: vscode.Uri }
  | { kind: 'ioc'; ioc: Ioc; label: string; value: string; stored: StoredBriefing; root: vscode.Uri }
  | { kind: 'technique'; technique: TechniqueHit; label: string; value: string; stored: StoredBriefing; root: vscode.Uri }
  | { kind: 'phase'; phase: PhaseHit; label: string; value: string; stored: StoredBriefing; root: vscode.Uri }
  | { kind: 'hunt'; hunt: Hunt; label: string; value: string; stored: StoredBriefing; root: vscode.Uri }
  | { kind: 'broken'; broken: BrokenBriefing; root: vscode.Uri };

/** Severity at a glance: a distinct icon and colour for each level. */
const SEVERITY_ICON: Record<string, vscode.ThemeIcon> = {
  CRIT: new vscode.ThemeIcon('flame', new vscode.ThemeColor('charts.red')),
  HIGH: new vscode.ThemeIcon('warning', new vscode.ThemeColor('charts.orange')),
  MED: new vscode.ThemeIcon('info', new vscode.ThemeColor('charts.yellow')),
  LOW: new vscode.ThemeIcon('circle-outline', new vscode.ThemeColor('charts.blue')),
};

const IOC_TYPE_LABEL: Record<IocType, string> = {
  ipv4: 'IPv4 addresses', ipv6: 'IPv6 addresses', domain: 'Domains', url: 'URLs', email: 'Email addresses',
  md5: 'MD5 hashes', sha1: 'SHA1 hashes', sha256: 'SHA256 hashes', sha512: 'SHA512 hashes', cve: 'CVEs',
  file_name: 'File names', file_path: 'File paths', registry_key: 'Registry keys', crypto_wallet: 'Crypto wallets',
};

/**
 * The Briefings tree: groups → briefings → IOCs by type, techniques by tactic, kill-chain phases, hunts. The groups
 * and briefing rows come from the store's index (summaries); a briefing's JSON is read only when it is expanded.
 */
/** The folder's briefings as its index lists them, and the files that could not be read. */
interface Listing {
  briefings: IndexedBriefing[];
  broken: BrokenBriefing[];
  root: vscode.Uri;
}

export class BriefingsTree implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private cache: Listing | undefined;
  private loading: Promise<Listing | undefined> | undefined;
  /** Bumped by refresh(): a read that started before a refresh must not become the cache after it (it may predate a write). */
  private generation = 0;
  /** Full briefings read so far (by JSON path), until the next refresh. */
  private fullCache = new Map<string, Promise<StoredBriefing>>();
  /** One store per briefings folder, so a refresh checks its in-memory index against the folder instead of re-reading it. */
  private opened: { key: string; store: BriefingStore; root: vscode.Uri } | undefined;
  private filterValue: TreeFilter = {};
  /** Kill-chain order of tactic names, from the loaded MITRE ATT&CK® data (the attack feature sets the source). */
  tacticOrderSource: () => readonly string[] = () => [];
  /** Technique IDs the workspace's detection content covers, when known (marks in the tree). */
  coverage: { covered: ReadonlySet<string>; partial: ReadonlySet<string> } | undefined;

  refresh(): void {
    this.generation++;
    this.cache = undefined;
    this.loading = undefined;
    this.fullCache.clear();
    this.changed.fire(undefined);
  }

  dispose(): void {
    this.changed.dispose();
  }

  get groupBy(): GroupBy {
    return settings().tree.groupBy;
  }

  get filter(): TreeFilter {
    return this.filterValue;
  }

  setFilter(f: TreeFilter): void {
    this.filterValue = f;
    void vscode.commands.executeCommand('setContext', 'threatBriefings.filtered', !!(f.text || f.minSeverity));
    this.changed.fire(undefined);
  }

  /** Every briefing as the index lists it (summaries: no briefing JSON is read). */
  async entries(): Promise<IndexedBriefing[]> {
    return (await this.load())?.briefings ?? [];
  }

  /** One briefing's full JSON, read once per refresh. Rejects when the file became unreadable since it was listed. */
  full(entry: { jsonPath: string; markdownPath: string }): Promise<StoredBriefing> {
    let p = this.fullCache.get(entry.jsonPath);
    if (!p) {
      const store = this.store();
      p = store ? store.store.read(entry) : Promise.reject(new Error('no briefings folder'));
      this.fullCache.set(entry.jsonPath, p);
      p.catch(() => this.fullCache.delete(entry.jsonPath));
    }
    return p;
  }

  /** Every stored briefing in full (reads each JSON: for commands that need every hunt, not for listing). */
  async briefings(): Promise<StoredBriefing[]> {
    const all = await Promise.allSettled((await this.entries()).map((e) => this.full(e)));
    return all.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  }

  private store(): { store: BriefingStore; root: vscode.Uri } | undefined {
    const root = briefingsFolderUri();
    if (!root) return undefined;
    if (this.opened?.key !== root.toString()) this.opened = { key: root.toString(), store: new BriefingStore(workspaceStoreFs(root)), root };
    return this.opened;
  }

  private load(): Promise<Listing | undefined> {
    if (this.cache) return Promise.resolve(this.cache);
    this.loading ??= this.read();
    return this.loading;
  }

  private async read(): Promise<Listing | undefined> {
    const generation = this.generation;
    const opened = this.store();
    if (!opened) {
      await this.setLoaded(0);
      return undefined;
    }
    let read: Listing;
    try {
      const { briefings, broken } = await opened.store.summaries();
      read = { briefings, broken, root: opened.root };
    } catch (e) {
      logError('Could not read the briefings folder', e);
      read = { briefings: [], broken: [], root: opened.root };
    }
    // Refreshed meanwhile: this listing may be older than the write that asked for the refresh; answer with a new one.
    if (generation !== this.generation) return this.load();
    this.cache = read;
    await this.setLoaded(read.briefings.length + read.broken.length);
    return read;
  }

  /** The welcome view shows only once the folder has been read and holds nothing (never while loading). */
  private async setLoaded(count: number): Promise<void> {
    await vscode.commands.executeCommand('setContext', 'threatBriefings.loaded', true);
    await vscode.commands.executeCommand('setContext', 'threatBriefings.empty', count === 0);
  }

  /** Top-level groups after the filter. */
  async groups(): Promise<Group[]> {
    const data = await this.load();
    if (!data) return [];
    return firstLevel(data.briefings, this.groupBy, this.filterValue, this.tacticOrderSource());
  }

  getParent(): undefined {
    return undefined;
  }

  async getChildren(node?: Node): Promise<Node[]> {
    const data = await this.load();
    if (!data) return [];
    const root = data.root;
    if (!node) {
      const groups = (await this.groups()).map((g): Node => ({ kind: 'group', ...g }));
      return [...groups, ...data.broken.map((broken): Node => ({ kind: 'broken', broken, root }))];
    }
    switch (node.kind) {
      case 'group':
        return node.items.map((entry): Node => ({ kind: 'briefing', entry, root }));
      case 'briefing': {
        let stored: StoredBriefing;
        try {
          stored = await this.full(node.entry);
        } catch (e) {
          // Changed on disk since it was listed (a hand edit that broke it): reported like any unreadable briefing.
          return [{ kind: 'broken', broken: { jsonPath: node.entry.jsonPath, error: (e as Error).message }, root }];
        }
        const b = stored.briefing;
        const sections: SectionLabel[] = [];
        if (b.iocs.length) sections.push('IOCs');
        if (b.techniques.length) sections.push('Techniques');
        if (b.phases.length) sections.push('Kill chain');
        if (b.hunts.length) sections.push('Hunts');
        return sections.map((label): Node => ({ kind: 'section', label, stored, root }));
      }
      case 'section':
        return this.sectionChildren(node.label, node.stored, root);
      case 'iocType':
        return node.iocs.map((ioc): Node => ({ kind: 'ioc', ioc, label: ioc.display, value: ioc.value, stored: node.stored, root }));
      case 'tacticGroup':
        return node.techniques.map((t): Node => ({ kind: 'technique', technique: t, label: `${t.id} ${t.name}`, value: t.id, stored: node.stored, root }));
      default:
        return [];
    }
  }

  private sectionChildren(label: SectionLabel, stored: StoredBriefing, root: vscode.Uri): Node[] {
    const b: Briefing = stored.briefing;
    if (label === 'IOCs') return iocsByType(b.iocs).map((g): Node => ({ kind: 'iocType', type: g.type, iocs: g.iocs, stored, root }));
    if (label === 'Techniques') {
      const byTactic = new Map<string, TechniqueHit[]>();
      for (const t of b.techniques) for (const tactic of t.tactics.length ? t.tactics : ['Other']) byTactic.set(tactic, [...(byTactic.get(tactic) ?? []), t]);
      const order = this.tacticOrderSource();
      const rankOf = (t: string) => (order.indexOf(t) + 1 || order.length + 1);
      return [...byTactic.keys()].sort((x, y) => rankOf(x) - rankOf(y) || x.localeCompare(y))
        .map((tactic): Node => ({ kind: 'tacticGroup', tactic, techniques: byTactic.get(tactic)!, stored, root }));
    }
    if (label === 'Kill chain') return b.phases.map((phase): Node => ({ kind: 'phase', phase, label: phase.phase, value: phase.phase, stored, root }));
    return b.hunts.map((hunt): Node => ({ kind: 'hunt', hunt, label: hunt.title, value: hunt.id, stored, root }));
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const Collapsed = vscode.TreeItemCollapsibleState.Collapsed;
    const None = vscode.TreeItemCollapsibleState.None;
    switch (node.kind) {
      case 'group': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
        item.id = `group:${this.groupBy}:${node.label}`;
        item.description = node.detail ? `${node.detail} · ${node.items.length}` : `${node.items.length}`;
        item.tooltip = `${plural(node.items.length, 'briefing')}`;
        item.iconPath = SEVERITY_ICON[node.label];
        item.contextValue = 'group';
        return item;
      }
      case 'briefing': {
        const b = node.entry.summary;
        const item = new vscode.TreeItem(b.title, Collapsed);
        item.id = `briefing:${node.entry.jsonPath}`;
        item.description = briefingDescription(b);
        item.iconPath = SEVERITY_ICON[b.severity];
        const tip = new vscode.MarkdownString(undefined, true);
        tip.appendMarkdown(`**[${b.severity}] ${escapeMd(b.title)}**\n\n`);
        const when = briefingDescription(b);
        if (when) tip.appendMarkdown(`${escapeMd(when)}\n\n`);
        if (b.summary) tip.appendMarkdown(`${escapeMd(b.summary.length > 400 ? b.summary.slice(0, 399) + '…' : b.summary)}\n\n`);
        tip.appendMarkdown(countsLine(b));
        item.tooltip = tip;
        item.contextValue = b.url && /^https?:\/\//i.test(b.url) ? 'briefing.withUrl' : 'briefing';
        item.resourceUri = briefingUri(node);
        item.command = { command: 'threatBriefings.openBriefing', title: 'Open Briefing', arguments: [node] };
        return item;
      }
      case 'section': {
        const b = node.stored.briefing;
        const count = { IOCs: b.iocs.length, Techniques: b.techniques.length, 'Kill chain': b.phases.length, Hunts: b.hunts.length }[node.label];
        const item = new vscode.TreeItem(node.label, Collapsed);
        item.id = `${node.stored.jsonPath}#${node.label}`;
        item.description = `${count}`;
        item.iconPath = new vscode.ThemeIcon({ IOCs: 'shield', Techniques: 'symbol-class', 'Kill chain': 'debug-stackframe', Hunts: 'search' }[node.label]);
        item.contextValue = `section.${node.label === 'Kill chain' ? 'phases' : node.label.toLowerCase()}`;
        return item;
      }
      case 'iocType': {
        const item = new vscode.TreeItem(IOC_TYPE_LABEL[node.type], Collapsed);
        item.id = `${node.stored.jsonPath}#ioc:${node.type}`;
        item.description = `${node.iocs.length}`;
        item.contextValue = 'iocType';
        item.iconPath = new vscode.ThemeIcon('symbol-constant');
        return item;
      }
      case 'tacticGroup': {
        const item = new vscode.TreeItem(node.tactic, Collapsed);
        item.id = `${node.stored.jsonPath}#tactic:${node.tactic}`;
        item.description = `${node.techniques.length}`;
        item.contextValue = 'tacticGroup';
        item.iconPath = new vscode.ThemeIcon('list-tree');
        return item;
      }
      case 'ioc': {
        const i = node.ioc;
        const item = new vscode.TreeItem(node.label, None);
        item.id = `${node.stored.jsonPath}#ioc:${i.type}:${i.value}`;
        const role = iocRole(i);
        item.description = [role, i.confidence !== 'high' ? `${i.confidence} confidence` : ''].filter(Boolean).join(' · ');
        const tip = new vscode.MarkdownString();
        tip.appendCodeblock(i.value, 'text');
        tip.appendMarkdown(`${escapeMd(i.type)}${role ? ` · ${escapeMd(role)}` : ''} · ${i.confidence} confidence\n\n${escapeMd(i.reason)}`);
        item.tooltip = tip;
        item.contextValue = 'ioc';
        item.iconPath = new vscode.ThemeIcon('symbol-constant');
        item.command = { command: 'threatBriefings.revealInBriefing', title: 'Reveal in Briefing', arguments: [node] };
        return item;
      }
      case 'technique': {
        const t = node.technique;
        const item = new vscode.TreeItem(node.label, None);
        item.id = `${node.stored.jsonPath}#technique:${t.id}:${t.tactics.join(',')}`;
        const cov = this.coverageMark(t.id);
        item.description = [`${t.confidence} confidence`, cov?.text].filter(Boolean).join(' · ');
        item.tooltip = new vscode.MarkdownString(`**${t.id}** ${escapeMd(t.name)}${cov ? ` — ${cov.text}` : ''}\n\n> ${escapeMd(t.evidence[0] ?? '')}`);
        item.contextValue = 'technique';
        item.iconPath = cov?.icon ?? new vscode.ThemeIcon('symbol-field');
        item.command = { command: 'threatBriefings.revealInBriefing', title: 'Reveal in Briefing', arguments: [node] };
        return item;
      }
      case 'phase': {
        const p = node.phase;
        const item = new vscode.TreeItem(p.phase, None);
        item.id = `${node.stored.jsonPath}#phase:${p.phase}`;
        item.description = p.techniques.join(', ');
        item.tooltip = new vscode.MarkdownString(`**${p.phase}**\n\n> ${escapeMd(p.evidence[0] ?? '')}`);
        item.contextValue = 'phase';
        item.iconPath = new vscode.ThemeIcon('debug-stackframe-dot');
        item.command = { command: 'threatBriefings.revealInBriefing', title: 'Reveal in Briefing', arguments: [node] };
        return item;
      }
      case 'hunt': {
        const h = node.hunt;
        const item = new vscode.TreeItem(h.title, None);
        item.id = `${node.stored.jsonPath}#hunt:${h.id}`;
        item.description = `${h.id} · ${h.confidence}`;
        item.tooltip = new vscode.MarkdownString(`**${escapeMd(h.title)}** \`${h.id}\`\n\n${escapeMd(h.reason ?? '')}`);
        item.contextValue = 'hunt';
        item.iconPath = new vscode.ThemeIcon('search');
        item.command = { command: 'threatBriefings.revealInBriefing', title: 'Reveal in Briefing', arguments: [node] };
        return item;
      }
      case 'broken': {
        const item = new vscode.TreeItem(node.broken.jsonPath, None);
        item.description = 'unreadable';
        item.tooltip = `This briefing's JSON could not be read: ${node.broken.error}. The file is left as it is.`;
        item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
        item.contextValue = 'broken';
        const uri = vscode.Uri.joinPath(node.root, ...node.broken.jsonPath.split('/'));
        item.command = { command: 'vscode.open', title: 'Open', arguments: [uri] };
        return item;
      }
    }
  }

  private coverageMark(id: string): { text: string; icon: vscode.ThemeIcon } | undefined {
    if (!this.coverage) return undefined;
    if (this.coverage.covered.has(id)) return { text: 'covered', icon: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')) };
    if (this.coverage.partial.has(id)) return { text: 'partly covered', icon: new vscode.ThemeIcon('circle-large-outline', new vscode.ThemeColor('charts.yellow')) };
    return { text: 'not covered', icon: new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('charts.red')) };
  }
}

/** The Markdown file of the briefing a node belongs to. */
export function briefingUri(node: { stored: { markdownPath: string }; root: vscode.Uri } | { entry: { markdownPath: string }; root: vscode.Uri }): vscode.Uri {
  const at = 'entry' in node ? node.entry : node.stored;
  return vscode.Uri.joinPath(node.root, ...at.markdownPath.split('/'));
}

function escapeMd(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
