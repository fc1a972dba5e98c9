// Every behaviour hunt of the catalogue exported as Sigma through the composition (engine/huntExport.ts): a rule (and
// a correlation rule for an aggregation) valid against the Sigma schemas in ../shared, or the hunt's own reason.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { catalogue } from '../../../src/engine/hunts/catalogue';
import { behaviourListing } from '../../../src/engine/hunts/listing';
import { catalogueSigma, exportBriefingHunt } from '../../../src/engine/huntExport';
import type { SigmaSpec } from '../../../src/engine/model';
import { sharedPath } from '../../support/shared';
import { checkExport } from './check';
import { briefing, TACTICS } from './fixtures';

type Doc = Record<string, unknown>;

// The SigmaHQ log sources a catalogue spec may use: category/product/service as SigmaHQ's own rules combine them.
const ALLOWED_LOGSOURCES = [
  'process_creation/windows/', 'network_connection/windows/', 'dns_query/windows/', 'file_event/windows/',
  'file_access/windows/', 'registry_set/windows/', 'registry_event/windows/', 'image_load/windows/',
  'process_access/windows/', 'ps_script/windows/', '/windows/security', '/windows/system',
  'process_creation/linux/', 'file_event/linux/', 'network_connection/linux/', 'process_creation/macos/', 'file_event/macos/',
  '/azure/signinlogs', '/azure/auditlogs', '/azure/activitylogs', '/okta/okta', '/aws/cloudtrail', '/m365/threat_management',
  'application/kubernetes/audit',
];
const key = (l: SigmaSpec['logsource']) => `${l.category ?? ''}/${l.product ?? ''}/${l.service ?? ''}`;

/** Selection names a condition refers to (plain names and `1 of x_*` / `all of x_*` patterns). */
function conditionNames(condition: string): string[] {
  return condition.replace(/[()]/g, ' ').split(/\s+/).filter((w) => w && !/^(?:and|or|not|of|all|them|\d+)$/i.test(w));
}

describe('exports: Sigma from the hunt catalogue', function () {
  this.timeout(60000);
  const hunts = catalogue();
  const b = briefing();

  it('every behaviour hunt has exactly one of a Sigma spec and an explicit reason', () => {
    assert.equal(hunts.length >= 72, true);
    for (const h of hunts) {
      assert.ok(!!h.sigma !== !!h.sigmaUnsupported, `${h.id}: sigma xor sigmaUnsupported`);
      if (h.sigmaUnsupported) {
        assert.ok(h.sigmaUnsupported.length >= 40 && h.sigmaUnsupported.length <= 320, `${h.id}: a one-sentence reason`);
        assert.ok(!/\.\s+[A-Z]/.test(h.sigmaUnsupported.replace(/\.$/, '')), `${h.id}: one sentence`);
      }
    }
    // most hunts are expressible: a regression that drops specs should fail here
    assert.ok(hunts.filter((h) => h.sigma).length >= 55, 'at least 55 hunts have a Sigma detection');
  });

  it('each spec uses a SigmaHQ log source, and that combination is one SigmaHQ rules really use', () => {
    const data = JSON.parse(readFileSync(sharedPath('schemas', 'formats', 'sigma-logsources.json'), 'utf8')) as {
      rules: { combos: Array<{ product: string | null; category: string | null; service: string | null }> };
    };
    const sigmahq = new Set(data.rules.combos.map((c) => `${c.category ?? ''}/${c.product ?? ''}/${c.service ?? ''}`));
    for (const allowed of ALLOWED_LOGSOURCES) assert.ok(sigmahq.has(allowed), `${allowed} is a SigmaHQ combination`);
    for (const h of hunts) {
      if (!h.sigma) continue;
      assert.ok(ALLOWED_LOGSOURCES.includes(key(h.sigma.logsource)), `${h.id}: log source ${key(h.sigma.logsource)}`);
    }
  });

  it('every hunt exports: schema-valid rule and correlation documents, defined selections, technique tags', () => {
    let rules = 0;
    let correlations = 0;
    for (const h of hunts) {
      const hunt = behaviourListing(h);
      const r = exportBriefingHunt('sigma', hunt, b, { tactics: TACTICS });
      if (h.sigmaUnsupported) {
        assert.equal(r.ok, false, h.id);
        assert.equal(r.ok ? '' : r.reason, `${h.id} cannot be expressed as a Sigma rule: ${h.sigmaUnsupported}`);
        continue;
      }
      const docs = checkExport('sigma', r); // YAML 1.2 = YAML 1.1 reading, Sigma rule / correlation schemas
      const spec = h.sigma!;
      assert.equal(docs.length, spec.correlation ? 2 : 1, h.id);
      const rule = docs[0];
      const detection = rule.detection as Doc;
      const names = Object.keys(detection).filter((n) => n !== 'condition');
      assert.equal(detection.condition, spec.condition);
      for (const w of conditionNames(spec.condition)) {
        const re = new RegExp('^' + w.replace(/\*/g, '.*') + '$');
        assert.ok(names.some((n) => re.test(n)), `${h.id}: condition names '${w}', which is a selection`);
      }
      for (const n of names) assert.ok(conditionNames(spec.condition).some((w) => new RegExp('^' + w.replace(/\*/g, '.*') + '$').test(n)), `${h.id}: selection ${n} is used`);
      for (const [n, sel] of Object.entries(detection)) {
        if (n === 'condition') continue;
        const maps = Array.isArray(sel) ? (sel as Doc[]) : [sel as Doc];
        for (const m of maps) {
          for (const field of Object.keys(m)) {
            assert.match(field, /^[A-Za-z_][A-Za-z0-9_.]*(?:\|(?:contains|endswith|startswith|all|re|i|cased|windash|cidr))*$/, `${h.id}: field ${field}`);
          }
        }
      }
      const tags = rule.tags as string[];
      for (const t of h.techniques) assert.ok(tags.includes(`attack.${t.toLowerCase()}`), `${h.id}: tag for ${t}`);
      assert.deepEqual(rule.logsource, Object.fromEntries(Object.entries(spec.logsource).filter(([, v]) => v)));
      rules++;
      if (spec.correlation) {
        const c = docs[1].correlation as Doc;
        assert.deepEqual(c.rules, [rule.name], `${h.id}: the correlation refers to the base rule`);
        assert.equal(c.type, spec.correlation.type);
        assert.deepEqual(c['group-by'], spec.correlation.groupBy);
        correlations++;
      }
    }
    assert.ok(rules >= 55 && correlations >= 3, `${rules} rules, ${correlations} correlations`);
  });

  it('regular expressions in specs compile and are linear (bounded, no nested quantifiers)', () => {
    for (const h of hunts) {
      for (const sel of Object.values(h.sigma?.detection ?? {})) {
        for (const m of Array.isArray(sel) ? sel : [sel]) {
          for (const [field, v] of Object.entries(m)) {
            if (!/\|re\b/.test(field)) continue;
            for (const s of Array.isArray(v) ? v : [v]) {
              assert.doesNotThrow(() => new RegExp(String(s)), `${h.id}: ${field}`);
              assert.ok(!/\)[+*]|[+*]\)[+*]/.test(String(s)), `${h.id}: ${field} has no quantified group`);
            }
          }
        }
      }
    }
  });

  it('stable IDs: the same hunt and briefing give the same UUIDs, another hunt or briefing different ones', () => {
    const withSpec = hunts.filter((h) => h.sigma);
    const ids = new Set<string>();
    for (const h of withSpec) {
      const a = exportBriefingHunt('sigma', behaviourListing(h), b);
      const again = exportBriefingHunt('sigma', behaviourListing(h), briefing());
      assert.ok(a.ok && again.ok);
      assert.equal(a.text, again.text, `${h.id}: same input, same file`);
      const docIds = checkExport('sigma', a).map((d) => d.id as string);
      for (const id of docIds) {
        assert.ok(!ids.has(id), `${h.id}: ${id} is unique across hunts`);
        ids.add(id);
      }
    }
    const first = withSpec[0];
    const other = exportBriefingHunt('sigma', behaviourListing(first), briefing({ id: 'another-briefing' }));
    const mine = exportBriefingHunt('sigma', behaviourListing(first), b);
    assert.ok(other.ok && mine.ok);
    assert.notEqual(checkExport('sigma', other)[0].id, checkExport('sigma', mine)[0].id);
  });

  it('a caller\'s spec wins over the catalogue\'s; IOC and unknown hunts get no catalogue spec', () => {
    const h = hunts.find((x) => x.id === 'UC_ENCODED_POWERSHELL')!;
    const own: SigmaSpec = { logsource: { category: 'ps_script', product: 'windows' }, detection: { selection: { 'ScriptBlockText|contains': 'FromBase64String' } }, condition: 'selection' };
    const r = exportBriefingHunt('sigma', behaviourListing(h), b, { sigma: own });
    assert.ok(r.ok && r.text.includes('ScriptBlockText|contains'));
    assert.equal(catalogueSigma({ id: 'UC_ENCODED_POWERSHELL', kind: 'ioc' }), undefined);
    assert.equal(catalogueSigma({ id: 'UC_NO_SUCH_HUNT', kind: 'behaviour' }), undefined);
    assert.ok(catalogueSigma({ id: 'uc_encoded_powershell', kind: 'behaviour' })?.sigma);
    // other formats are untouched by the lookup
    const spl = exportBriefingHunt('spl', behaviourListing(h), b);
    assert.ok(spl.ok && spl.text.includes(h.spl.split('\n')[0]));
  });

  it('a hunt the catalogue marks as unsupported says so instead of the generic answer', () => {
    const h = hunts.find((x) => x.id === 'UC_BEACONING')!;
    assert.ok(h.sigmaUnsupported);
    const r = exportBriefingHunt('sigma', behaviourListing(h), b);
    assert.ok(!r.ok && r.reason.includes(h.sigmaUnsupported!) && !r.reason.includes('no structured Sigma detection'));
  });
});
