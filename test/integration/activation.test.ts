import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';

const EXTENSION_ID = 'threat-briefings.threat-briefings';

describe('activation', () => {
  it('activates and reports its activation time', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is installed in the test host`);
    const api = (await ext.activate()) as { activationMs: number };
    assert.equal(ext.isActive, true);
    assert.equal(typeof api.activationMs, 'number');
    console.log(`activation took ${api.activationMs.toFixed(1)} ms`);
  });

  it('contributes the view container, the tree view and categorised commands', () => {
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON;
    const containers = pkg.contributes.viewsContainers.activitybar as Array<{ id: string }>;
    assert.ok(containers.some((c) => c.id === 'threatBriefings'));
    assert.ok(pkg.contributes.views.threatBriefings.some((v: { id: string }) => v.id === 'threatBriefings.briefings'));
    for (const c of pkg.contributes.commands as Array<{ command: string; category?: string }>) {
      assert.equal(c.category, 'Threat Briefings', `${c.command} has a category`);
    }
    assert.ok(!(pkg.activationEvents as string[]).includes('*'), 'no * activation');
  });

  it('registers every contributed command', async () => {
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON;
    const all = new Set(await vscode.commands.getCommands(true));
    for (const c of pkg.contributes.commands as Array<{ command: string }>) {
      assert.ok(all.has(c.command), `${c.command} is registered`);
    }
  });

  it('runs a command: Refresh Briefings, and the tree view can be focused', async () => {
    await vscode.commands.executeCommand('threatBriefings.refresh');
    await vscode.commands.executeCommand('threatBriefings.briefings.focus');
  });
});
