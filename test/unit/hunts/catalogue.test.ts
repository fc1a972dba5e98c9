// Every catalogue hunt is checked here, so a hunt that fails cannot ship: its KQL through Microsoft's Kusto parser
// against the Defender schema, its SPL against the CIM data models, its ATT&CK IDs against v18.1, and its trigger
// phrases against its own examples.
import * as assert from 'node:assert/strict';
import { catalogue } from '../../../src/engine/hunts/catalogue';
import { phraseIn } from '../../../src/engine/hunts/trigger';
import { AttackIndex } from '../../../src/engine/attack/lookup';
import { beforeRealIndex } from '../attack/helpers';
import { kqlErrors, kqlTables } from '../../support/kusto';
import { splProblems, splTargets } from '../../support/spl';

describe('hunt catalogue', function () {
  this.timeout(120000);
  const hunts = catalogue();

  it('has unique, stable name IDs and complete entries', () => {
    const ids = new Set<string>();
    for (const h of hunts) {
      assert.match(h.id, /^UC_[A-Z0-9]+(?:_[A-Z0-9]+)*$/, h.id);
      assert.ok(!ids.has(h.id), `duplicate ${h.id}`);
      ids.add(h.id);
      assert.ok(h.title.length >= 8 && h.description.length >= 60, `${h.id}: title and a one-paragraph description`);
      assert.ok(h.falsePositives.length >= 1, `${h.id}: false-positive notes`);
      assert.ok(h.techniques.length >= 1, `${h.id}: techniques`);
      assert.ok((h.trigger.techniques?.length ?? 0) + (h.trigger.phrases?.length ?? 0) > 0, `${h.id}: a trigger`);
      assert.ok(h.telemetry.splunk.length && h.telemetry.defender.length, `${h.id}: telemetry for both`);
    }
  });

  let index: AttackIndex;
  beforeRealIndex((i) => (index = i));
  it('cites only current MITRE ATT&CK v18.1 technique IDs', () => {
    for (const h of hunts) {
      for (const id of [...h.techniques, ...(h.trigger.techniques ?? [])]) {
        assert.equal(index.lookup(id).status, 'current', `${h.id}: ${id}`);
        assert.ok(index.technique(id), `${h.id}: ${id} is a technique`);
      }
    }
  });

  it('every KQL analyses with zero errors against the Defender schema and reads the tables it declares', () => {
    for (const h of hunts) {
      assert.deepEqual(kqlErrors(h.kql), [], `${h.id}:\n${h.kql}`);
      assert.deepEqual(kqlTables(h.kql).sort(), [...h.telemetry.defender].sort(), `${h.id}: tables read vs declared`);
    }
  });

  it('every SPL is balanced, reads existing CIM data models and fields, and formats times', () => {
    for (const h of hunts) {
      assert.deepEqual(splProblems(h.spl), [], `${h.id}:\n${h.spl}`);
      const targets = splTargets(h.spl);
      if (targets.length) {
        assert.deepEqual([...new Set(targets)].sort(), [...h.telemetry.splunk].sort(), `${h.id}: data models read vs declared`);
        assert.match(h.spl, /\btstats\b[^|]*(?:\bsummariesonly=|`security_content_summariesonly`)/, `${h.id}: tstats with summariesonly`);
        assert.match(h.spl, /`drop_dm_object_name\(/, `${h.id}: drop_dm_object_name`);
        assert.match(h.spl, /`security_content_ctime\(/, `${h.id}: time formatting`);
      }
    }
  });

  it('trigger phrases fire on their examples and stay quiet on the look-alikes', () => {
    for (const h of hunts) {
      if (!h.trigger.phrases?.length) continue;
      assert.ok(h.examples.fire.length >= 1 && h.examples.quiet.length >= 1, `${h.id}: examples both ways`);
      for (const s of h.examples.fire) assert.ok(phraseIn(h.trigger, s), `${h.id} should fire on: ${s}`);
      for (const s of h.examples.quiet) assert.equal(phraseIn(h.trigger, s), undefined, `${h.id} should stay quiet on: ${s}`);
    }
  });
});

// Only passes once every family file is merged (the other families are written in parallel): kept apart on purpose.
describe('hunt catalogue size', () => {
  it('has at least 50 behaviour hunts', () => {
    assert.ok(catalogue().length >= 50, `${catalogue().length} behaviour hunts`);
  });
});

describe('hunt catalogue: Sigma detections', () => {
  // The field names SigmaHQ's taxonomy gives each log source the catalogue uses (Sysmon-style Windows and Linux
  // events, the Windows event logs, Entra ID sign-ins); a field outside its log source's list is a typo or a guess.
  const process = ['Image', 'OriginalFileName', 'CommandLine', 'ParentImage', 'ParentCommandLine', 'Product', 'User', 'CurrentDirectory'];
  const FIELDS: Record<string, string[]> = {
    'process_creation/windows/': process,
    'process_creation/linux/': process,
    'file_event/windows/': ['TargetFilename', 'Image'],
    'file_event/linux/': ['TargetFilename', 'Image'],
    'file_access/windows/': ['TargetFilename', 'Image'],
    'registry_set/windows/': ['TargetObject', 'Details', 'Image'],
    'process_access/windows/': ['TargetImage', 'SourceImage', 'GrantedAccess', 'CallTrace'],
    'network_connection/windows/': ['Image', 'DestinationHostname', 'DestinationIp', 'DestinationPort', 'Initiated'],
    'dns_query/windows/': ['QueryName', 'Image'],
    '/windows/security': ['EventID', 'Provider_Name', 'AccessMask', 'Properties', 'SubjectUserName'],
    '/windows/system': ['EventID', 'Provider_Name', 'ImagePath', 'ServiceName'],
    '/azure/signinlogs': ['ResultType', 'ResultDescription', 'UserPrincipalName', 'AuthenticationRequirement'],
  };
  const GROUP_BY = ['Computer', 'User', 'Image', 'UserPrincipalName', 'QueryName', 'TargetFilename'];

  it('use only their log source\'s SigmaHQ field names, in selections and in correlations', () => {
    for (const h of catalogue()) {
      if (!h.sigma) continue;
      const l = h.sigma.logsource;
      const fields = FIELDS[`${l.category ?? ''}/${l.product ?? ''}/${l.service ?? ''}`];
      assert.ok(fields, `${h.id}: a log source with a known field list`);
      for (const sel of Object.values(h.sigma.detection)) {
        for (const m of Array.isArray(sel) ? sel : [sel]) {
          for (const k of Object.keys(m)) assert.ok(fields.includes(k.split('|')[0]), `${h.id}: ${k}`);
        }
      }
      for (const g of h.sigma.correlation?.groupBy ?? []) assert.ok(GROUP_BY.includes(g), `${h.id}: group-by ${g}`);
      if (h.sigma.correlation?.field) assert.ok(fields.includes(h.sigma.correlation.field), `${h.id}: counted field`);
    }
  });

  it('Windows paths in values use the product\'s separator, Linux ones forward slashes', () => {
    for (const h of catalogue()) {
      if (!h.sigma) continue;
      const text = JSON.stringify(h.sigma.detection);
      if (h.sigma.logsource.product === 'linux') assert.doesNotMatch(text, /"\\\\[A-Za-z]/, `${h.id}: no Windows path in a Linux rule`);
      if (h.sigma.logsource.product === 'windows') assert.doesNotMatch(text, /"Image\|endswith":\["\//, `${h.id}: no Linux image in a Windows rule`);
    }
  });
});
