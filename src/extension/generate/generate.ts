// Generating briefings in the editor: every path goes through the engine's composition point (briefArticle,
// loadFeed), then into the briefings folder.
import * as vscode from 'vscode';
import { Briefing } from '../../engine/model';
import { BriefResult, BriefSource, loadFeed } from '../../engine/brief';
import { todayUtc } from '../../engine/store/store';
import { openStore } from '../core/briefingsFolder';
import { attackDataForWorker } from '../attack/data';
import { briefInWorker } from './workerClient';
import { log } from '../core/log';
import { settings } from '../core/settings';
import { fetchOptions, plainFetchOptions } from '../core/fetchOptions';
import { BriefingsTree, Node } from '../tree/briefingsTree';


/**
 * Generates and saves a briefing, then opens it. In an untrusted workspace nothing is written: the briefing opens
 * as an unsaved document instead.
 */
/**
 * Any source → briefing, through the engine's composition point with the same MITRE ATT&CK® data as the hovers, in
 * a worker thread so the editor stays responsive; cancelling stops it.
 */
function briefSource(source: BriefSource, signal?: AbortSignal): Promise<BriefResult> {
  return briefInWorker(source, attackDataForWorker() ?? null, plainFetchOptions(), signal);
}

export async function briefAndSave(brief: BriefResult, tree: BriefingsTree, opts: { replace?: boolean; open?: boolean } = {}): Promise<Briefing | undefined> {
  const { briefing, markdown, json } = brief;
  const opened = openStore();
  if (!opened || !vscode.workspace.isTrusted) {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
    await vscode.window.showTextDocument(doc);
    void vscode.window.showInformationMessage(
      opened ? 'Threat Briefings: this workspace is not trusted, so the briefing was not saved.' : 'Threat Briefings: open a folder to save briefings; showing it unsaved.',
    );
    return briefing;
  }
  let result = await opened.store.write(briefing, markdown, json, { today: todayUtc(), replace: opts.replace });
  if (result.status === 'duplicate') {
    const choice = await vscode.window.showInformationMessage(
      `This article was briefed already (${result.existing.markdownPath}).`, 'Open Existing', 'Regenerate');
    if (choice === 'Open Existing') {
      await vscode.window.showTextDocument(vscode.Uri.joinPath(opened.root, ...result.existing.markdownPath.split('/')));
      return undefined;
    }
    if (choice !== 'Regenerate') return undefined;
    result = await opened.store.write(briefing, markdown, json, { today: todayUtc(), replace: true });
  }
  if (result.status === 'edited') {
    const choice = await vscode.window.showWarningMessage(
      `${result.markdownPath} was edited by hand. Overwrite your edits with the regenerated briefing?`, { modal: true }, 'Overwrite');
    if (choice !== 'Overwrite') return undefined;
    result = await opened.store.write(briefing, markdown, json, { today: todayUtc(), replace: true, force: true });
  }
  if (result.status !== 'written') return undefined;
  log().info(`Wrote ${result.markdownPath} [${briefing.severity}] ${briefing.iocs.length} IOCs, ${briefing.techniques.length} techniques`);
  tree.refresh();
  if (opts.open !== false) {
    await vscode.window.showTextDocument(vscode.Uri.joinPath(opened.root, ...result.markdownPath.split('/')), { preview: false });
  }
  return briefing;
}

function withProgress<T>(title: string, task: (signal: AbortSignal, progress: vscode.Progress<{ message?: string; increment?: number }>) => Promise<T>): Thenable<T> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) => {
    const ac = new AbortController();
    token.onCancellationRequested(() => ac.abort());
    return task(ac.signal, progress);
  });
}

function validateHttpUrl(v: string): string | undefined {
  try {
    const u = new URL(v.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? undefined : 'Only http and https URLs can be fetched.';
  } catch {
    return 'Enter a full URL, e.g. https://example.com/blog/post';
  }
}

export async function generateFromUrl(tree: BriefingsTree, urlArg?: unknown): Promise<Briefing | undefined> {
  const url = typeof urlArg === 'string' ? urlArg : await vscode.window.showInputBox({
    title: 'Generate briefing from URL',
    prompt: 'URL of a security article, advisory or blog post',
    placeHolder: 'https://…',
    validateInput: validateHttpUrl,
    ignoreFocusOut: true,
  });
  if (!url) return undefined;
  const bad = validateHttpUrl(url);
  if (bad) throw new Error(bad);
  return briefAndSave(await withProgress(`Fetching ${url}`, (signal) => briefSource({ input: url.trim() }, signal)), tree);
}

export async function generateFromText(tree: BriefingsTree, text: string, fileName?: string): Promise<Briefing | undefined> {
  if (!text.trim()) throw new Error('There is no text to brief.');
  return briefAndSave(await briefSource({ content: text, fileName }), tree);
}

export async function generateFromFeed(tree: BriefingsTree, feedArg?: unknown): Promise<number> {
  let src = typeof feedArg === 'string' ? feedArg : undefined;
  if (!src) {
    const configured = settings().feeds;
    // Feed URLs from workspace settings are fetched only in a trusted workspace.
    const feeds = vscode.workspace.isTrusted ? configured : [];
    const other = { label: '$(add) Enter a feed URL…', value: '' };
    const pick = feeds.length
      ? await vscode.window.showQuickPick([...feeds.map((f) => ({ label: f, value: f })), other], { title: 'Generate briefings from feed' })
      : other;
    if (!pick) return 0;
    src = pick.value || (await vscode.window.showInputBox({ title: 'Feed URL', placeHolder: 'https://…/feed.xml', validateInput: validateHttpUrl, ignoreFocusOut: true }));
  }
  if (!src) return 0;
  const feedUrl = src;
  const feed = await withProgress(`Reading feed ${feedUrl}`, async (signal) =>
    loadFeed(/^https?:/i.test(feedUrl) ? feedUrl : { xml: Buffer.from(await vscode.workspace.fs.readFile(vscode.Uri.file(feedUrl))).toString('utf8') }, { fetch: fetchOptions(signal) }));
  const entries = feed.items;
  for (const bad of feed.errors) log().warn(`Feed entry ${bad.index + 1}${bad.title ? ` (${bad.title})` : ''} could not be read: ${bad.message}`);
  for (const item of entries) for (const note of item.entry.notes ?? []) log().info(`${item.entry.title || '(untitled)'}: ${note}`);
  if (!entries.length) {
    void vscode.window.showInformationMessage('Threat Briefings: the feed has no entries.');
    return 0;
  }
  const picks = typeof feedArg === 'string'
    ? entries.map((item) => ({ item }))
    : await vscode.window.showQuickPick(entries.map((item) => ({ label: item.entry.title || item.entry.link || '(untitled)', description: item.entry.published, item, picked: true })), {
      title: `${feed.title || 'Feed'}: choose entries to brief`, canPickMany: true,
    });
  if (!picks?.length) return 0;
  let written = 0;
  for (const p of picks) {
    const b = await briefAndSave(await briefSource({ article: p.item.article }), tree, { open: picks.length === 1 });
    if (b) written++;
  }
  void vscode.window.showInformationMessage(`Threat Briefings: ${written} briefing(s) written from ${feed.title || 'the feed'}.`);
  return written;
}

export async function regenerate(tree: BriefingsTree, node?: unknown): Promise<Briefing | undefined> {
  const n = node as Node | undefined;
  if (!n || n.kind !== 'briefing') return undefined;
  const url = n.entry.summary.url;
  if (!url || !/^https?:/i.test(url)) {
    throw new Error('This briefing has no article URL to fetch again; generate it again from the original text.');
  }
  return briefAndSave(await withProgress(`Fetching ${url}`, (signal) => briefSource({ input: url }, signal)), tree, { replace: true });
}
