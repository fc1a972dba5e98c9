import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { sharedPath } from '../../support/shared';
import { exportHunt, exportIocs, iocsOfHunts } from '../../../src/engine/exports/export';
import { HUNT_FORMATS, type ExportFormat, type SigmaSpec } from '../../../src/engine/exports/types';
import { stableUuid, uuidV5 } from '../../../src/engine/exports/uuid';
import type { Briefing, Hunt } from '../../../src/engine/model';
import { stixSchemaCount, yamlDocs } from '../../support/formats';
import { checkExport, counts } from './check';
import { BEACONING, BEHAVIOUR, BEHAVIOUR_SPEC, briefing, ioc, iocHunt, IOCS, TACTICS } from './fixtures';

const SPECS: Record<string, SigmaSpec> = { [BEHAVIOUR.id]: BEHAVIOUR_SPEC };

function exportAll(b: Briefing, spec = SPECS): Array<{ format: ExportFormat; hunt?: Hunt; text: string }> {
  const out: Array<{ format: ExportFormat; hunt?: Hunt; text: string }> = [];
  for (const format of HUNT_FORMATS) {
    for (const hunt of b.hunts) {
      const r = exportHunt(format, hunt, b, { tactics: TACTICS, sigma: spec[hunt.id], author: 'Detection Team' });
      if (format === 'sigma' && !spec[hunt.id] && !hunt.iocs?.length) continue; // covered by the "cannot" tests
      checkExport(format, r);
      if (r.ok) out.push({ format, hunt, text: r.text });
    }
  }
  for (const format of ['stix', 'csv'] as const) {
    const r = exportIocs(format, b, { author: 'Detection Team' });
    checkExport(format, r);
    if (r.ok) out.push({ format, text: r.text });
  }
  return out;
}

describe('exports', function () {
  // the first tests load Microsoft's Kusto parser and compile the 57 STIX schemas: seconds on a busy 2-core machine
  this.timeout(90_000);
  after(() => {
    // the validation counts the report quotes
    console.log(`      validated: ${JSON.stringify(counts)}; STIX schema files loaded: ${stixSchemaCount}`);
  });

  it('derives RFC 9562 version 5 UUIDs (known vector) and stable IDs', () => {
    assert.equal(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8'), '2ed6657d-e927-568b-95e1-2665a8aea6a2');
    assert.equal(stableUuid('a', 'b'), stableUuid('a', 'b'));
    assert.notEqual(stableUuid('a', 'b'), stableUuid('ab'));
    assert.match(stableUuid('x'), /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('every hunt in every format is a valid file of its format', () => {
    const all = exportAll(briefing());
    assert.ok(all.length >= 13);
  });

  it('the same briefing gives the same bytes, IDs included; another briefing other IDs', () => {
    const a = exportAll(briefing()).map((x) => x.text);
    const b = exportAll(briefing()).map((x) => x.text);
    assert.deepEqual(a, b);
    const other = exportAll(briefing({ id: 'tb-ffffffffffffffff' })).map((x) => x.text);
    const id = (t: string) => /^id: (\S+)/m.exec(t)?.[1];
    assert.notEqual(id(a[0]), id(other[0]));
  });

  it('Sigma from a SigmaSpec: tags, log source, named selections, level, author and date', () => {
    const b = briefing();
    const [doc] = checkExport('sigma', exportHunt('sigma', BEHAVIOUR, b, { sigma: BEHAVIOUR_SPEC, tactics: TACTICS, author: 'Detection Team' }));
    assert.deepEqual(doc.tags, ['attack.execution', 'attack.t1059', 'attack.t1059.005', 'attack.t1204.002']);
    assert.deepEqual(doc.logsource, { category: 'process_creation', product: 'windows' });
    assert.equal((doc.detection as Record<string, unknown>).condition, 'all of selection_* and not filter_main_signed');
    assert.deepEqual((doc.detection as Record<string, Record<string, string>>).filter_main_signed, { 'CommandLine|contains': 'C:\\Program Files\\Corp Tools\\' });
    assert.equal(doc.level, 'medium');
    assert.equal(doc.author, 'Detection Team');
    assert.equal(doc.date, '2026-11-02');
    assert.equal(doc.status, 'experimental');
    assert.deepEqual(doc.references, ['https://research.example/blog/paper-lantern']);
    assert.deepEqual(doc.falsepositives, ['Document automation add-ins'], 'no repeats');
    assert.equal(exportHunt('sigma', BEHAVIOUR, b, { sigma: BEHAVIOUR_SPEC, date: '2026-12-01' }).ok && 1, 1);
  });

  it('Sigma from IOCs: one log source per IOC kind, SigmaHQ field names, wildcards escaped, Windows paths kept', () => {
    const b = briefing();
    const docs = checkExport('sigma', exportHunt('sigma', b.hunts[1], b, { tactics: TACTICS }));
    const by = (cat: string, product?: string) => docs.find((d) => {
      const l = d.logsource as Record<string, string>;
      return l.category === cat && l.product === product;
    })?.detection as Record<string, Record<string, unknown>>;
    assert.deepEqual(by('process_creation', 'windows').selection['Hashes|contains'], [`MD5=${IOCS[5].value.toUpperCase()}`, `SHA1=${IOCS[6].value.toUpperCase()}`, `SHA256=${IOCS[7].value.toUpperCase()}`]);
    assert.deepEqual(by('network_connection', 'windows').selection.DestinationIp, ['203.0.113.45', '2001:db8::dead:beef']);
    assert.deepEqual(by('dns_query', 'windows').selection_subdomain['QueryName|endswith'], ['.update-cdn-relay.test']);
    assert.deepEqual(by('proxy').selection, [{ 'cs-host': 'files.example-drop.test', 'c-uri|contains': '/a/b\\?id=7&x=\\*' }]);
    const files = by('file_event', 'windows');
    assert.deepEqual(files.selection_path.TargetFilename, ['C:\\Users\\Public\\Lantern Tools\\loader.dll']);
    assert.deepEqual(files.selection_name['TargetFilename|endswith'], ['\\svc\\*host\\?.exe', '\\Microsoft\\updater.exe']);
    assert.deepEqual(by('file_event', 'linux').selection.TargetFilename, ['/tmp/.x/agent']);
    assert.deepEqual(by('registry_set', 'windows').selection['TargetObject|contains'], ['\\Software\\Microsoft\\Windows\\CurrentVersion\\Run\\LanternUpd']);
    assert.equal(new Set(docs.map((d) => d.id)).size, docs.length, 'one ID per rule');
    assert.match(docs[0].description as string, /Not in this rule: .*CVE/);
  });

  it('a UNC path and a value ending in a backslash survive Sigma escaping', () => {
    const b = briefing({ iocs: [ioc('file_path', '\\\\fileserver\\drop$\\stage*.ps1')] });
    const [doc] = checkExport('sigma', exportHunt('sigma', iocHunt(['\\\\fileserver\\drop$\\stage*.ps1']), b));
    const det = doc.detection as Record<string, Record<string, string[]>>;
    // Sigma reads \\ as one backslash before another backslash, \* as a literal star
    assert.deepEqual(det.selection_path.TargetFilename, ['\\\\\\fileserver\\drop$\\stage\\*.ps1']);
  });

  it('hunts that cannot become Sigma say why; an aggregation with a correlation spec becomes base rule + correlation', () => {
    const b = briefing();
    const beacon = exportHunt('sigma', BEACONING, b);
    assert.ok(!beacon.ok);
    assert.match(beacon.ok ? '' : beacon.reason, /cannot be expressed as a Sigma rule: .*aggregates events/);
    const noSpec = exportHunt('sigma', BEHAVIOUR, b);
    assert.match(noSpec.ok ? '' : noSpec.reason, /no structured Sigma detection/);
    const onlyCves = exportHunt('sigma', iocHunt(['CVE-2026-12345', 'billing@invoices-portal.test']), b);
    assert.match(onlyCves.ok ? '' : onlyCves.reason, /its IOCs are only CVE IDs .*e-mail/);
    const badSpec = exportHunt('sigma', BEHAVIOUR, b, { sigma: { ...BEHAVIOUR_SPEC, condition: 'selection_typo' } });
    assert.match(badSpec.ok ? '' : badSpec.reason, /selection_typo/);
    const noDate = exportHunt('sigma', BEHAVIOUR, briefing({ published: undefined }), { sigma: BEHAVIOUR_SPEC });
    assert.match(noDate.ok ? '' : noDate.reason, /no published date/);

    const spec: SigmaSpec = {
      logsource: { category: 'network_connection', product: 'windows' },
      detection: { selection: { Initiated: 'true' }, filter_main_private: { 'DestinationIp|cidr': ['10.0.0.0/8', '192.168.0.0/16'] } },
      condition: 'selection and not filter_main_private',
      correlation: { type: 'event_count', groupBy: ['Image', 'DestinationIp'], timespan: '1h', gte: 50 },
    };
    const docs = checkExport('sigma', exportHunt('sigma', BEACONING, b, { sigma: spec }));
    assert.equal(docs.length, 2);
    const c = docs[1].correlation as Record<string, unknown>;
    assert.deepEqual(c.rules, [docs[0].name]);
    assert.deepEqual(c.condition, { gte: 50 });
    const vc = exportHunt('sigma', BEACONING, b, { sigma: { ...spec, correlation: { type: 'value_count', groupBy: ['Image'], timespan: '1d', gte: 20 } } });
    assert.match(vc.ok ? '' : vc.reason, /value_count correlation needs the field/);
    checkExport('sigma', exportHunt('sigma', BEACONING, b, { sigma: { ...spec, correlation: { type: 'value_count', groupBy: ['Image'], timespan: '1d', gte: 20, field: 'DestinationHostname' } } }));
  });

  it('security_content: filter macro, name ≤ 67 characters, no parent with its sub-technique, Hunting without rba', () => {
    const b = briefing();
    const long = { ...BEHAVIOUR, title: 'A very long hunt title that goes on and on: beyond the sixty-seven characters contentctl allows/names' };
    const [doc] = checkExport('security_content', exportHunt('security_content', long, b));
    assert.ok((doc.name as string).length <= 67);
    assert.equal(doc.type, 'Hunting');
    assert.ok(!('rba' in doc));
    assert.deepEqual((doc.tags as Record<string, unknown>).mitre_attack_id, ['T1059.005', 'T1204.002']);
    assert.match(doc.search as string, /\| `a_very_long_hunt_title_that_goes_on_and_on_beyond_the_sixty_seven_filter`$/);
    const ioc = checkExport('security_content', exportHunt('security_content', b.hunts[1], b, { analyticStories: ['Paper Lantern'] }))[0];
    assert.deepEqual((ioc.tags as Record<string, unknown>).analytic_story, ['Paper Lantern']);
    assert.deepEqual((ioc.tags as Record<string, unknown>).cve, ['CVE-2026-12345']);
  });

  it('Sentinel: tactic names from ATT&CK tactics, connector tables, entity mappings from projected columns', () => {
    const b = briefing();
    const [doc] = checkExport('sentinel', exportHunt('sentinel', BEHAVIOUR, b, { tactics: TACTICS }));
    assert.deepEqual(doc.tactics, ['Execution']);
    assert.deepEqual(doc.relevantTechniques, ['T1059', 'T1059.005', 'T1204.002']);
    assert.deepEqual(doc.requiredDataConnectors, [{ connectorId: 'MicrosoftThreatProtection', dataTypes: ['DeviceProcessEvents'] }]);
    const types = (doc.entityMappings as Array<{ entityType: string }>).map((e) => e.entityType);
    assert.deepEqual(types, ['Host', 'Account', 'File', 'Process']);
    const [beacon] = checkExport('sentinel', exportHunt('sentinel', BEACONING, b));
    assert.deepEqual((beacon.entityMappings as Array<{ entityType: string }>).map((e) => e.entityType), ['Host', 'IP'], 'summarize … by columns');
    assert.equal(beacon.version, '1.0.0');
  });

  it('escapes quotes, backslashes, colons, unicode, newlines and YAML look-alikes in every format', () => {
    const nasty = 'Crème "brûlée": C:\\Temp\\x.exe ``` #1\nyes: - no\u2028日本語 \'quoted\' % {braces} [x] & *star';
    const hunt: Hunt = { ...BEHAVIOUR, id: 'UC_ESCAPES', title: nasty, description: `${nasty}\n\nSecond paragraph: key: value`, reason: nasty, falsePositives: [nasty, 'yes', 'on', '1:20'] };
    const b = briefing({ title: nasty, source: nasty, summary: nasty, hunts: [hunt], iocs: [ioc('file_path', 'C:\\Users\\A B\\Ünïcode "q".exe'), ioc('domain', 'xn--bcher-kva.test')], entities: { actors: [nasty], malware: ['Mal"ware\\x'], cves: [] } });
    const all = exportAll(b, { UC_ESCAPES: { ...BEHAVIOUR_SPEC, detection: { selection: { 'CommandLine|contains': [nasty] } }, condition: 'selection' } });
    const sigma = all.find((x) => x.format === 'sigma')!;
    for (const x of all.filter((e) => ['sigma', 'security_content', 'sentinel'].includes(e.format))) {
      assert.ok(!/[\u0085\u2028\u2029]/.test(x.text), 'no character a YAML 1.1 reader takes for a line break');
    }
    assert.ok(sigma.text.includes('Crème'));
    const kql = all.find((x) => x.format === 'kql')!.text;
    assert.ok(kql.split('\n').slice(0, 4).every((l) => l.startsWith('//')), 'a newline in the title stays inside the comment');
    const spl = all.find((x) => x.format === 'spl')!.text;
    assert.equal(spl.split('```').length, 3, 'backticks in the title cannot close the SPL comment');
    const csv = checkExport('csv', exportIocs('csv', b));
    assert.equal(csv[1].value, 'C:\\Users\\A B\\Ünïcode "q".exe');
  });

  it('500 IOCs: valid Sigma, STIX and CSV', () => {
    const many = [
      ...Array.from({ length: 200 }, (_, i) => ioc('ipv4', `198.51.${100 + (i >> 8)}.${i & 255}`)),
      ...Array.from({ length: 200 }, (_, i) => ioc('domain', `relay-${i}.bad-cdn.test`)),
      ...Array.from({ length: 100 }, (_, i) => ioc('sha256', i.toString(16).padStart(64, 'c'))),
    ];
    const b = briefing({ iocs: many, hunts: [iocHunt(many.map((i) => i.value))] });
    const docs = checkExport('sigma', exportHunt('sigma', b.hunts[0], b));
    assert.equal(docs.length, 3);
    const [bundle] = checkExport('stix', exportIocs('stix', b));
    assert.equal((bundle.objects as Array<{ type: string }>).filter((o) => o.type === 'indicator').length, 500);
    assert.equal(checkExport('csv', exportIocs('csv', b)).length, 501);
  });

  it('STIX: patterns per IOC type, CVEs as vulnerabilities, wallets as a custom property, indicates relationships', () => {
    const [bundle] = checkExport('stix', exportIocs('stix', briefing()));
    const objects = bundle.objects as Array<Record<string, unknown>>;
    const patterns = objects.filter((o) => o.type === 'indicator').map((o) => o.pattern as string);
    for (const p of [
      "[ipv4-addr:value = '203.0.113.45']", "[ipv6-addr:value = '2001:db8::dead:beef']", "[domain-name:value = 'update-cdn-relay.test']",
      "[email-addr:value = 'billing@invoices-portal.test']", `[file:hashes.MD5 = '${IOCS[5].value}']`, `[file:hashes.'SHA-1' = '${IOCS[6].value}']`,
      `[file:hashes.'SHA-256' = '${IOCS[7].value}']`, `[file:hashes.'SHA-512' = '${IOCS[8].value}']`, "[file:name = 'svc*host?.exe']",
      "[file:name = 'loader.dll' AND file:parent_directory_ref.path = 'C:\\\\Users\\\\Public\\\\Lantern Tools']",
      "[windows-registry-key:key = 'HKEY_CURRENT_USER\\\\Software\\\\Microsoft\\\\Windows\\\\CurrentVersion\\\\Run\\\\LanternUpd']",
    ]) assert.ok(patterns.includes(p), p);
    const vuln = objects.find((o) => o.type === 'vulnerability')!;
    assert.deepEqual((vuln.external_references as unknown[])[0], { source_name: 'cve', external_id: 'CVE-2026-12345' });
    const report = objects.find((o) => o.type === 'report')!;
    assert.deepEqual(report.x_threat_briefings_crypto_wallets, ['bc1qexampleexampleexampleexample0000']);
    assert.equal(report.published, '2026-11-02T00:00:00.000Z');
    const malware = objects.find((o) => o.type === 'malware')!;
    assert.ok(objects.some((o) => o.type === 'relationship' && o.relationship_type === 'indicates' && o.target_ref === malware.id));
    assert.ok(objects.some((o) => o.type === 'threat-actor'));
    assert.ok(objects.some((o) => o.type === 'attack-pattern'));
  });

  it('IOC exports of chosen hunts carry only those hunts\' IOCs; an IOC-less briefing says so', () => {
    const b = briefing();
    const some = iocsOfHunts(b, [iocHunt(['203.0.113.45'])]);
    assert.deepEqual(some.map((i) => i.value), ['203.0.113.45']);
    const r = exportIocs('csv', briefing({ iocs: [] }));
    assert.ok(!r.ok);
  });
});

describe('exports: names', () => {
  it('a title without Latin letters falls back to the hunt ID for file and rule names', () => {
    const b = briefing();
    const hunt = { ...BEHAVIOUR, title: '日本語のハント' };
    const sc = exportHunt('security_content', hunt, b);
    assert.ok(sc.ok && sc.fileName === 'uc_hidden_script_host.yml', sc.ok ? sc.fileName : sc.reason);
    const sigma = exportHunt('sigma', hunt, b, { sigma: BEHAVIOUR_SPEC });
    assert.ok(sigma.ok && sigma.fileName === 'uc_hidden_script_host.yml');
    const sentinel = exportHunt('sentinel', hunt, b);
    assert.ok(sentinel.ok && sentinel.fileName === 'UCHIDDENSCRIPTHOST.yaml');
  });
});

describe('exports: level', () => {
  it('follows the hunt confidence, capped at medium for a LOW-severity briefing', () => {
    const spec = { sigma: BEHAVIOUR_SPEC };
    const level = (b: Briefing, h: Hunt) => {
      const r = exportHunt('sigma', h, b, spec);
      return r.ok ? /^level: (\w+)/m.exec(r.text)?.[1] : r.reason;
    };
    assert.equal(level(briefing(), { ...BEHAVIOUR, confidence: 'high' }), 'high');
    assert.equal(level(briefing({ severity: 'LOW' }), { ...BEHAVIOUR, confidence: 'high' }), 'medium');
    assert.equal(level(briefing(), { ...BEHAVIOUR, confidence: 'low' }), 'low');
  });
});

describe('exports: Sigma log sources', () => {
  it('every log source an IOC rule uses is a combination SigmaHQ rules use', () => {
    const data = JSON.parse(readFileSync(sharedPath('schemas', 'formats', 'sigma-logsources.json'), 'utf8')) as {
      rules: { combos: Array<{ product: string | null; category: string | null; service: string | null }> };
    };
    const known = new Set(data.rules.combos.map((c) => `${c.product}/${c.category}/${c.service}`));
    const b = briefing();
    const r = exportHunt('sigma', b.hunts[1], b);
    assert.ok(r.ok);
    const docs = yamlDocs(r.text) as Array<{ logsource: { product?: string; category?: string; service?: string } }>;
    assert.equal(docs.length, 7);
    for (const { logsource: l } of [...docs, { logsource: BEHAVIOUR_SPEC.logsource }]) {
      assert.ok(known.has(`${l.product ?? null}/${l.category ?? null}/${l.service ?? null}`), JSON.stringify(l));
    }
  });
});
