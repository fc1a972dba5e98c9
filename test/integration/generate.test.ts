import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as http from 'node:http';
import { AddressInfo } from 'node:net';
import * as path from 'node:path';
import * as vscode from 'vscode';

const repo = process.env.TB_REPO_ROOT!;

describe('generating briefings in VS Code', () => {
  let server: http.Server;
  let base: string;
  before(async () => {
    await vscode.extensions.getExtension('threat-briefings.threat-briefings')!.activate();
    // The test server is on 127.0.0.1, which the extension refuses unless the setting allows private addresses.
    await vscode.workspace.getConfiguration('threatBriefings').update('fetch.allowPrivateAddresses', true, vscode.ConfigurationTarget.Global);
    const html = fs.readFileSync(path.join(repo, 'examples', 'demo-article.html'), 'utf8');
    server = http.createServer((req, res) => {
      if (req.url === '/post') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(html);
      } else {
        res.writeHead(404);
        res.end('missing');
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    server.close();
    await vscode.workspace.getConfiguration('threatBriefings').update('fetch.allowPrivateAddresses', undefined, vscode.ConfigurationTarget.Global);
  });

  it('generates from a URL into <briefings>/<date>/<slug>.md + .json and shows it in the tree', async () => {
    const b = await vscode.commands.executeCommand<{ title: string; severity: string; iocs: unknown[]; techniques: Array<{ id: string }> } | undefined>(
      'threatBriefings.generateFromUrl', `${base}/post`);
    assert.ok(b, 'a briefing was returned');
    assert.match(b.title, /Operation Lantern/);
    const root = vscode.workspace.workspaceFolders![0].uri.fsPath;
    const md = path.join(root, 'briefings', '2026-11-02', 'operation-lantern-invoice-lures-deliver-the-lanternloader-backdoor.md');
    assert.ok(fs.existsSync(md), `${md} exists`);
    assert.ok(fs.existsSync(md.replace(/\.md$/, '.json')));
    const text = fs.readFileSync(md, 'utf8');
    assert.match(text, /^# \[(HIGH|CRIT)\] Operation Lantern/);
    assert.match(text, /lantern-cdn-update\[\.\]xyz/);
    assert.ok(!/next-js-release-roundup|Related posts|newsletter/i.test(text), 'no page chrome in the briefing');
    assert.ok(b.techniques.some((t) => t.id === 'T1053.005'), 'scheduled task technique inferred');
    const api = vscode.extensions.getExtension('threat-briefings.threat-briefings')!.exports as { tree: { briefings(): Promise<Array<{ briefing: { title: string } }>>; getChildren(): Promise<unknown[]> } };
    const listed = await api.tree.briefings();
    assert.ok(listed.some((s) => /Operation Lantern/.test(s.briefing.title)));
    assert.ok((await api.tree.getChildren()).length >= 1);
  });

  it('groups the tree by severity and by source, and expands a briefing into IOCs and techniques', async () => {
    type Api = { tree: { getChildren(n?: unknown): Promise<Array<{ kind: string; label?: string }>>; getTreeItem(n: unknown): { label?: unknown; contextValue?: string } } };
    const api = vscode.extensions.getExtension('threat-briefings.threat-briefings')!.exports as Api;
    const cfg = vscode.workspace.getConfiguration('threatBriefings');
    try {
      await cfg.update('tree.groupBy', 'severity', vscode.ConfigurationTarget.Workspace);
      const groups = await api.tree.getChildren();
      assert.ok(groups.some((g) => g.kind === 'group' && /^(HIGH|CRIT)$/.test(g.label ?? '')), JSON.stringify(groups.map((g) => g.label)));
      await cfg.update('tree.groupBy', 'source', vscode.ConfigurationTarget.Workspace);
      const bySource = await api.tree.getChildren();
      assert.ok(bySource.some((g) => g.label === 'Example Security Blog'));
      const briefing = (await api.tree.getChildren(bySource.find((g) => g.label === 'Example Security Blog')))[0];
      assert.match(api.tree.getTreeItem(briefing).contextValue ?? '', /^briefing/);
      const sections = (await api.tree.getChildren(briefing)).map((n) => n.label);
      assert.deepEqual(sections.slice(0, 2), ['IOCs', 'Techniques']);
    } finally {
      await cfg.update('tree.groupBy', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('an unreachable URL gives a clear error and writes nothing', async () => {
    const before = fs.readdirSync(vscode.workspace.workspaceFolders![0].uri.fsPath);
    const r = await vscode.commands.executeCommand('threatBriefings.generateFromUrl', `${base}/missing`);
    assert.equal(r, undefined);
    assert.deepEqual(fs.readdirSync(vscode.workspace.workspaceFolders![0].uri.fsPath), before);
  });

  it('generates from the open file', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '# Short note on Qbot\n\nThe loader beacons to its C2 server at bad-c2-domain[.]top over HTTPS and runs PowerShell.\n' });
    await vscode.window.showTextDocument(doc);
    const b = await vscode.commands.executeCommand<{ iocs: Array<{ value: string }> }>('threatBriefings.generateFromFile');
    assert.ok(b?.iocs.some((i) => i.value === 'bad-c2-domain.top'));
  });
});
