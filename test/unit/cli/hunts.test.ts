// `threat-briefings hunts`: the catalogue listing (Hunt-shaped JSON), one hunt, and the templates document.
import { strict as assert } from 'node:assert';
import { main } from '../../../src/cli/main';
import { IOC_TEMPLATES } from '../../../src/engine/hunts/ioc/templates';
import { catalogue } from '../../../src/engine/hunts/catalogue';

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const o = process.stdout.write.bind(process.stdout);
  const e = process.stderr.write.bind(process.stderr);
  (process.stdout as unknown as { write: (s: string) => boolean }).write = (s: string) => (out.push(String(s)), true);
  (process.stderr as unknown as { write: (s: string) => boolean }).write = (s: string) => (err.push(String(s)), true);
  try {
    return { code: await main(args), out: out.join(''), err: err.join('') };
  } finally {
    (process.stdout as unknown as { write: typeof o }).write = o;
    (process.stderr as unknown as { write: typeof e }).write = e;
  }
}

const KEYS = ['id', 'kind', 'title', 'description', 'phase', 'confidence', 'techniques', 'reason', 'evidence', 'telemetry', 'spl', 'kql', 'falsePositives'];

describe('cli hunts', () => {
  it('lists the catalogue as Hunt objects: behaviour hunts and unfilled IOC templates', async () => {
    const r = await cli(['hunts', '--json']);
    assert.equal(r.code, 0, r.err);
    const list = JSON.parse(r.out) as Array<Record<string, unknown>>;
    assert.equal(list.length, catalogue().length + IOC_TEMPLATES.length);
    for (const h of list) assert.deepEqual(Object.keys(h), KEYS);
    assert.ok(list.some((h) => h.kind === 'behaviour' && h.id === 'UC_ENCODED_POWERSHELL'));
    const ip = list.find((h) => h.id === 'UC_IOC_IP')!;
    assert.equal(ip.kind, 'ioc');
    assert.match(String(ip.kql), /\{\{ioc_ips\}\}/);
    const text = await cli(['hunts']);
    assert.match(text.out, /^UC_\w+\s+behaviour/m);
  });

  it('shows one hunt, and fails clearly on an unknown ID', async () => {
    const r = await cli(['hunts', 'show', 'uc_web_shell_written']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^# Script file written into a web server directory/);
    assert.match(r.out, /```kql\nDeviceFileEvents/);
    assert.equal(JSON.parse((await cli(['hunts', 'show', 'UC_IOC_HASH', '--json'])).out).id, 'UC_IOC_HASH');
    const bad = await cli(['hunts', 'show', 'UC_NOPE']);
    assert.equal(bad.code, 1);
    assert.match(bad.err, /no hunt 'UC_NOPE'/);
    assert.equal((await cli(['hunts', 'frobnicate'])).code, 2);
  });

  it('prints the IOC templates document', async () => {
    const r = await cli(['hunts', 'templates']);
    assert.equal(r.code, 0);
    assert.match(r.out, /^# IOC hunt templates/);
    for (const t of IOC_TEMPLATES) assert.ok(r.out.includes(t.kql), t.id);
  });
});
