// Microsoft Sentinel hunting query YAML (the Azure-Sentinel repository layout). The query is the hunt's Defender KQL,
// unchanged; entity mappings come from the columns it projects, with the identifiers Sentinel defines for each type.
import type { Briefing, Hunt } from '../model';
import { describe, exportDate, huntTechniques, NO_DATE } from './common';
import { projectedColumns } from './kql-columns';
import { oneLine, pascalCase } from './names';
import { huntTactics, sentinelTactics } from './tactics';
import type { ExportOptions, ExportResult } from './types';
import { stableUuid } from './uuid';
import { toYaml } from './yaml-out';

type Mapping = { entityType: string; fieldMappings: Array<{ identifier: string; columnName: string }> };

// Per entity type: column → identifier, in preference order; the first column present must be a required identifier.
const ENTITIES: Array<{ entityType: string; columns: Array<[string, string]> }> = [
  { entityType: 'Host', columns: [['DeviceName', 'FullName'], ['ComputerName', 'HostName']] },
  { entityType: 'Account', columns: [['AccountUpn', 'FullName'], ['AccountName', 'Name'], ['InitiatingProcessAccountUpn', 'FullName'], ['InitiatingProcessAccountName', 'Name'], ['AccountSid', 'Sid'], ['AccountDomain', 'NTDomain']] },
  { entityType: 'IP', columns: [['RemoteIP', 'Address'], ['IPAddress', 'Address'], ['SenderIPv4', 'Address']] },
  { entityType: 'URL', columns: [['RemoteUrl', 'Url'], ['Url', 'Url']] },
  { entityType: 'File', columns: [['FileName', 'Name'], ['FolderPath', 'Directory']] },
  { entityType: 'Process', columns: [['ProcessCommandLine', 'CommandLine'], ['ProcessId', 'ProcessId'], ['InitiatingProcessCommandLine', 'CommandLine']] },
  { entityType: 'RegistryKey', columns: [['RegistryKey', 'Key']] },
  { entityType: 'RegistryValue', columns: [['RegistryValueName', 'Name'], ['RegistryValueData', 'Value']] },
  { entityType: 'Mailbox', columns: [['RecipientEmailAddress', 'MailboxPrimaryAddress']] },
  { entityType: 'CloudApplication', columns: [['ApplicationId', 'AppId'], ['Application', 'Name']] },
];
const REQUIRED: Record<string, string[]> = {
  Host: ['FullName', 'HostName'], Account: ['FullName', 'Name', 'Sid'], IP: ['Address'], URL: ['Url'], File: ['Name'],
  Process: ['CommandLine', 'ProcessId'], RegistryKey: ['Key'], RegistryValue: ['Name'], Mailbox: ['MailboxPrimaryAddress'], CloudApplication: ['AppId', 'Name'],
};

export function entityMappings(columns: string[]): Mapping[] {
  const out: Mapping[] = [];
  for (const e of ENTITIES) {
    const fields: Mapping['fieldMappings'] = [];
    for (const [col, identifier] of e.columns) {
      if (columns.includes(col) && !fields.some((f) => f.identifier === identifier) && fields.length < 3) fields.push({ identifier, columnName: col });
    }
    if (fields.some((f) => REQUIRED[e.entityType].includes(f.identifier)) && out.length < 10) out.push({ entityType: e.entityType, fieldMappings: fields });
  }
  return out;
}

export function exportSentinel(hunt: Hunt, briefing: Briefing, opts: ExportOptions = {}): ExportResult {
  if (!exportDate(briefing, opts)) return { ok: false, reason: `${hunt.id}: ${NO_DATE}` };
  const query = (hunt.kql ?? '').trim();
  if (!query) return { ok: false, reason: `${hunt.id} cannot be exported as a Sentinel hunting query: it has no KQL` };
  const techniques = huntTechniques(hunt);
  const tactics = sentinelTactics(huntTactics(techniques, briefing, opts.tactics));
  const tables = [...new Set(hunt.telemetry?.defender ?? [])];
  const mappings = entityMappings(projectedColumns(query) ?? []);
  const name = oneLine(hunt.title) || hunt.id;
  const doc = {
    id: stableUuid('sentinel', briefing.id, hunt.id),
    name,
    description: describe(hunt, briefing),
    ...(tables.length ? { requiredDataConnectors: [{ connectorId: 'MicrosoftThreatProtection', dataTypes: tables }] } : {}),
    tactics,
    relevantTechniques: techniques,
    query: query + '\n',
    ...(mappings.length ? { entityMappings: mappings } : {}),
    version: '1.0.0',
  };
  return { ok: true, fileName: `${pascalCase(name) || pascalCase(hunt.id)}.yaml`, text: toYaml(doc, { indent: 2, indentSeq: true }) };
}
