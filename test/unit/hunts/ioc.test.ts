// IOC hunts: every kept IOC of a hunted type is in a query, long lists are batched not cut, and awkward values
// (backslashes, quotes, unicode, 500 IOCs) leave both languages valid: KQL through Microsoft's Kusto parser against the
// Defender schema, SPL through the CIM checks. Values are generated here, not taken from any corpus.
import { strict as assert } from 'node:assert';
import type { Ioc, IocType } from '../../../src/engine/model';
import { CHUNK, iocHunts } from '../../../src/engine/hunts/ioc/fill';
import { kqlString, splString } from '../../../src/engine/hunts/ioc/literals';
import { IOC_TEMPLATES, pathTail, registryTail } from '../../../src/engine/hunts/ioc/templates';
import { renderTemplatesDoc } from '../../../src/engine/hunts/templates-doc';
import { kqlErrors, kqlTables } from '../../support/kusto';
import { splProblems, splTargets } from '../../support/spl';

const hex = (n: number, len: number) => (n.toString(16).padStart(8, '0').repeat(Math.ceil(len / 8))).slice(0, len);
function mk(type: IocType, value: string): Ioc {
  return { type, value, display: value, offsets: [], context: `ctx ${value}`, provenance: 'ioc-table', reason: 'listed', confidence: 'high' };
}
function generated(n: number): Ioc[] {
  const out: Ioc[] = [];
  for (let i = 0; i < n; i++) {
    out.push(mk('ipv4', `198.${(i >> 8) & 255}.${i & 255}.${(i * 7) % 250 + 1}`));
    out.push(mk('domain', `bad-${i}.example-${i % 7}.net`));
    out.push(mk('url', `https://dl-${i}.example.org/p/${i}?q="x"&r=\\${i}`));
    out.push(mk('md5', hex(i + 1, 32)));
    out.push(mk('sha1', hex(i + 2, 40)));
    out.push(mk('sha256', hex(i + 3, 64)));
    out.push(mk('cve', `CVE-2026-${10000 + i}`));
    out.push(mk('email', `sender.${i}@mail-${i}.example.com`));
    out.push(mk('file_name', `invoice "${i}" é日本.exe`));
    out.push(mk('file_path', `C:\\Users\\[username]\\AppData\\Roaming\\Ünïcode ${i}\\it's "q".dll`));
    out.push(mk('registry_key', `HKCU\\Software\\Vendor ${i}\\"Quoted"\\Run`));
  }
  out.push(mk('ipv4', '203.0.113.0/24'), mk('ipv6', '2001:db8:77::/48'));
  out.push(mk('ipv6', '2001:db8::dead:beef'), mk('sha512', hex(9, 128)), mk('file_path', '/tmp/.x/run me.sh'), mk('file_path', '%APPDATA%\\evil\\a.exe'));
  return out;
}

describe('IOC hunts', function () {
  this.timeout(300000);

  it('escape literals per language', () => {
    assert.equal(kqlString('C:\\Users\\a"b'), '@"C:\\Users\\a""b"');
    assert.equal(splString('C:\\Users\\a"b'), '"C:\\\\Users\\\\a\\"b"');
    assert.equal(kqlString('a\nb\u0000'), '@"ab"');
    assert.equal(pathTail('C:\\Users\\[username]\\AppData\\x.exe').tail, '\\AppData\\x.exe');
    assert.deepEqual(pathTail('C:\\Program Files\\App\\x.exe'), { tail: 'C:\\Program Files\\App\\x.exe', anchored: true });
    assert.equal(registryTail('HKEY_CURRENT_USER\\Software\\X'), '\\Software\\X');
    assert.equal(registryTail('HKU\\S-1-5-21-1-2-3-1001\\Software\\X'), '\\Software\\X');
  });

  for (const n of [1, 3, 500]) {
    it(`${n} of every IOC type with awkward values: every query is valid and holds every IOC`, () => {
      const iocs = generated(n);
      const hunts = iocHunts(iocs);
      assert.deepEqual(hunts.map((h) => h.id).sort(), IOC_TEMPLATES.map((t) => t.id).sort());
      for (const h of hunts) {
        assert.deepEqual(kqlErrors(h.kql), [], `${h.id} KQL`);
        assert.deepEqual(kqlTables(h.kql).sort(), [...h.telemetry.defender].sort(), `${h.id}: tables read vs declared`);
        assert.deepEqual(splProblems(h.spl), [], `${h.id} SPL`);
        assert.deepEqual([...new Set(splTargets(h.spl))].sort(), [...h.telemetry.splunk].sort(), `${h.id}: data models read vs declared`);
        const t = IOC_TEMPLATES.find((x) => x.id === h.id)!;
        const mine = iocs.filter((i) => t.types.includes(i.type));
        assert.equal(h.iocs?.length, mine.length, `${h.id}: every IOC listed`);
        for (const l of t.lists) {
          for (const i of mine.filter((x) => l.types.includes(x.type))) {
            if (t.spl.includes(`${l.name}:`)) for (const v of (l.splShape ?? l.shape)(i.value)) assert.ok(h.spl.includes(splString(v)), `${h.id} SPL holds ${v}`);
            if (t.kql.includes(`{{${l.name}}}`)) for (const v of l.shape(i.value)) assert.ok(h.kql.toLowerCase().includes(kqlString(v).toLowerCase()), `${h.id} KQL holds ${v}`);
          }
        }
        if (n > CHUNK) {
          assert.match(h.kql, /array_concat\(/, `${h.id}: KQL batched`);
          assert.ok((h.spl.match(/ IN \(/g) ?? []).length >= 3, `${h.id}: SPL batched`);
        }
      }
    });
  }

  it('only the IOC types present get a hunt', () => {
    assert.deepEqual(iocHunts([mk('cve', 'CVE-2026-1234')]).map((h) => h.id), ['UC_IOC_CVE']);
    assert.deepEqual(iocHunts([]), []);
    const one = iocHunts([mk('sha1', hex(5, 40))])[0];
    assert.match(one.kql, /let ioc_md5 = dynamic\(\[\]\);/);
    assert.match(one.reason, /1 SHA1 hash as an indicator/);
  });

  it('the templates document is rendered from the same definitions', () => {
    const doc = renderTemplatesDoc();
    for (const t of IOC_TEMPLATES) {
      assert.ok(doc.includes(t.spl) && doc.includes(t.kql), `${t.id} queries verbatim`);
      assert.ok(doc.includes(`\`${t.id}\``));
    }
  });
});

describe('IOC hunts for address ranges', () => {
  it('match CIDR ranges as ranges in KQL and keep exact addresses exact', () => {
    const [h] = iocHunts([mk('ipv4', '198.51.100.7'), mk('ipv4', '203.0.113.0/24'), mk('ipv6', '2001:db8:77::/48')]);
    assert.equal(h.id, 'UC_IOC_IP');
    assert.match(h.kql, /let ioc_ips = dynamic\(\[@"198\.51\.100\.7"\]\);/);
    assert.match(h.kql, /let ioc_ranges4 = dynamic\(\[@"203\.0\.113\.0\/24"\]\);/);
    assert.match(h.kql, /ipv6_is_in_any_range\(RemoteIP, ioc_ranges6\)/);
    assert.deepEqual(kqlErrors(h.kql), []);
    // Splunk compares an IP field with a CIDR value as a range, so SPL lists both.
    assert.match(h.spl, /"203\.0\.113\.0\/24"/);
    assert.deepEqual(splProblems(h.spl), []);
  });
});
