// Coverage gaps: which of the briefings' techniques the workspace's detection content covers — marks in the tree,
// the matrix's covered set, a line in the technique hover, and the Show Coverage Gaps report.
import * as vscode from 'vscode';
import { command } from '../core/commands';
import { openStore } from '../core/briefingsFolder';
import { BriefingsTree } from '../tree/briefingsTree';
import { coverageMarks, coverageNote, gapsReport } from './report';
import { WorkspaceCoverage } from './workspaceCoverage';

/** What other features use: the matrix's covered set and the hover's note. */
export interface CoverageApi {
  covered(): Promise<ReadonlySet<string>>;
  note(techniqueId: string): Promise<string>;
  /** Rescans the workspace now (tests; the watcher does it on change). */
  rescan(): Promise<void>;
}

export function registerCoverage(tree: BriefingsTree): { disposables: vscode.Disposable[]; api: CoverageApi } {
  const ws = new WorkspaceCoverage();
  const marks = ws.onDidChange((r) => {
    tree.coverage = coverageMarks(r.rules);
    tree.refresh();
  });
  const api: CoverageApi = {
    covered: async () => coverageMarks((await ws.result()).rules).covered,
    note: async (id) => coverageNote(id, (await ws.result()).rules),
    rescan: async () => void (await ws.rescan()),
  };
  const showGaps = async () => {
    const r = await ws.result();
    const root = openStore()?.root;
    const briefings = (await tree.entries()).map((s) => ({
      title: s.summary.title,
      path: root ? vscode.workspace.asRelativePath(vscode.Uri.joinPath(root, ...s.markdownPath.split('/'))) : s.markdownPath,
      techniques: s.summary.techniques.map((t) => ({ id: t.id, name: t.name })),
    }));
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: gapsReport(briefings, r.rules, r) });
    await vscode.window.showTextDocument(doc, { preview: false });
    return doc;
  };
  // The first scan runs after activation, so the tree's marks appear without anyone asking; never blocks activate().
  const first = setTimeout(() => void ws.result(), 0);
  return {
    disposables: [ws, marks, command('threatBriefings.showCoverageGaps', showGaps), { dispose: () => clearTimeout(first) }],
    api,
  };
}
