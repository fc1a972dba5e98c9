// Small briefings and a tiny ATT&CK-like structure for the matrix and layer tests.
import { Briefing, TechniqueHit } from '../../../src/engine/model';
import { MatrixAttack } from '../../../src/engine/exports/matrix';

export function hit(id: string, tactics: string[] = ['Execution']): TechniqueHit {
  return { id, name: id, tactics, confidence: 'high', evidence: [`evidence for ${id}`], method: 'explicit-id' };
}

export function briefing(title: string, over: Partial<Briefing> = {}): Briefing {
  return {
    schemaVersion: 1, id: `tb-${title.toLowerCase().replace(/\W+/g, '-')}`, title, source: 'Example', published: '2026-11-02',
    severity: 'HIGH', summary: 's', iocs: [], techniques: [], phases: [], hunts: [], entities: { actors: [], malware: [], cves: [] },
    rationale: [], generator: { name: 'threat-briefings', version: '0.0.0', attackVersion: '18.1' }, ...over,
  };
}

export const ATTACK: MatrixAttack = {
  tactics: [
    { id: 'TA0001', shortname: 'initial-access', name: 'Initial Access' },
    { id: 'TA0002', shortname: 'execution', name: 'Execution' },
    { id: 'TA0003', shortname: 'persistence', name: 'Persistence' },
    { id: 'TA0004', shortname: 'privilege-escalation', name: 'Privilege Escalation' },
  ],
  techniques: [
    { id: 'T1566', name: 'Phishing', tactics: ['initial-access'] },
    { id: 'T1566.001', name: 'Spearphishing Attachment', tactics: ['initial-access'] },
    { id: 'T1566.002', name: 'Spearphishing Link', tactics: ['initial-access'] },
    { id: 'T1059', name: 'Command and Scripting Interpreter', tactics: ['execution'] },
    { id: 'T1059.001', name: 'PowerShell', tactics: ['execution'] },
    { id: 'T1053', name: 'Scheduled Task/Job', tactics: ['execution', 'persistence', 'privilege-escalation'] },
    { id: 'T1053.005', name: 'Scheduled Task', tactics: ['execution', 'persistence', 'privilege-escalation'] },
    { id: 'T1204', name: 'User Execution', tactics: ['execution'] },
  ],
};
