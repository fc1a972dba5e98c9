// The article's own hunt: attacker artefacts only (never technology names, system binaries, noise or build paths,
// never a path cut at a space), valid queries in both languages, and an ID that depends only on the content.
import { strict as assert } from 'node:assert';
import type { Ioc } from '../../../src/engine/model';
import { articleHunt } from '../../../src/engine/hunts/article/hunt';
import { findArtefacts } from '../../../src/engine/hunts/article/artefacts';
import { scanSentences } from '../../../src/engine/text/sentences';
import { kqlErrors, kqlTables } from '../../support/kusto';
import { splProblems } from '../../support/spl';

const file = (value: string, type: Ioc['type'] = 'file_name'): Ioc =>
  ({ type, value, display: value, offsets: [], context: value, provenance: 'narrative', reason: 'dropped', confidence: 'medium' });

const TEXT = [
  'The installer drops updater_svc.exe and copies it to C:\\Program Files\\Common Files\\Vendor Update\\updater_svc.exe.',
  'It creates a scheduled task named "Nightly Sync 7" and a service called "WinTelemetryHost".',
  'The implant opens the named pipe \\\\.\\pipe\\msagent_5f2a and checks the mutex "Global\\Qx7_lock".',
  'Its requests carry the user agent "Mozilla/5.0 (Windows NT 10.0; Win64; x64) QxAgent/2.1".',
  'The app is built with node.js and writes logs to /dev/null; the PDB path C:\\Build\\qx\\Release\\qx.pdb was left in the binary.',
  'It then reads /etc/passwd and runs cmd.exe.',
  'schtasks /create /tn "Nightly Sync 7" /tr C:\\ProgramData\\qx\\run.bat /sc daily',
].join('\n');

describe('article hunt', function () {
  this.timeout(120000);
  const sentences = scanSentences(TEXT).sentences;
  const iocs = [file('updater_svc.exe'), file('node.js'), file('cmd.exe')];

  it('finds the attacker artefacts and nothing else', () => {
    const a = findArtefacts(TEXT, sentences, iocs);
    assert.deepEqual(a.files, ['updater_svc.exe']);
    assert.ok(a.paths.includes('C:\\Program Files\\Common Files\\Vendor Update\\updater_svc.exe'), 'full path with spaces');
    assert.ok(!a.paths.some((p) => /\.pdb$|^\/dev\/null$|^\/etc\/passwd$|^C:\\Program$/.test(p)), a.paths.join(' | '));
    assert.deepEqual(a.tasks, ['Nightly Sync 7']);
    assert.deepEqual(a.services, ['WinTelemetryHost']);
    assert.deepEqual(a.pipes, ['msagent_5f2a']);
    assert.deepEqual(a.mutexes, ['Global\\Qx7_lock']);
    assert.deepEqual(a.agents, ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) QxAgent/2.1']);
    assert.equal(a.commands.length, 1);
    assert.match(a.commands[0], /^schtasks \/create/);
  });

  it('builds valid SPL and KQL with a content-derived, stable ID', () => {
    const h = articleHunt({ briefingId: 'tb-1', text: TEXT, sentences, iocs, techniques: [] })!;
    assert.match(h.id, /^UC_ARTICLE_[0-9A-F]{8}$/);
    assert.equal(articleHunt({ briefingId: 'tb-1', text: TEXT, sentences, iocs, techniques: [] })!.id, h.id);
    assert.notEqual(articleHunt({ briefingId: 'tb-2', text: TEXT, sentences, iocs, techniques: [] })!.id, h.id);
    assert.deepEqual(kqlErrors(h.kql), [], h.kql);
    assert.deepEqual(kqlTables(h.kql).sort(), [...h.telemetry.defender].sort());
    assert.deepEqual(splProblems(h.spl), [], h.spl);
    assert.ok(h.kql.includes('@"\\Program Files\\Common Files') || h.kql.includes('@"C:\\Program Files\\Common Files'), 'verbatim path');
    assert.ok(h.evidence.length >= 1 && /Nightly Sync 7/.test(h.reason));
  });

  it('gives no hunt when the article names no artefact', () => {
    const t = 'The group targets finance teams with invoice lures and steals data.';
    assert.equal(articleHunt({ briefingId: 'x', text: t, sentences: scanSentences(t).sentences, iocs: [file('node.js')], techniques: [] }), undefined);
  });
});
