// The build finds MITRE's bundle without ../shared: the download path, against a real server on 127.0.0.1.
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as http from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { bundleFingerprint, downloadStixBundle, V18_1_FINGERPRINT } from '../../../src/cli/attackBundle';
import { findStixBundle } from '../../../src/engine/attack/paths';

const FIXTURE = readFileSync(join(__dirname, '../../fixtures/attack/v17-mini.json'), 'utf8');

describe('MITRE ATT&CK® bundle download', () => {
  let server: http.Server;
  let base: string;
  let cache: string;
  const hits: string[] = [];
  before(async () => {
    server = http.createServer((req, res) => {
      hits.push(req.url ?? '');
      if (req.url === '/bundle.json') res.end(FIXTURE);
      else if (req.url === '/licence.txt') res.end('licence text');
      else if (req.url === '/not-json') res.end('<html>rate limited</html>');
      else {
        res.statusCode = 404;
        res.end();
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => server.close());
  beforeEach(() => (cache = mkdtempSync(join(tmpdir(), 'tb-attack-cache-'))));
  afterEach(() => rmSync(cache, { recursive: true, force: true }));

  it('downloads once, verifies the content fingerprint and caches the bundle with the licence', async () => {
    const lines: string[] = [];
    const file = await downloadStixBundle({ url: `${base}/bundle.json`, licenceUrl: `${base}/licence.txt`, expectedFingerprint: bundleFingerprint(FIXTURE), cacheDir: cache, log: (l) => lines.push(l) });
    assert.equal(readFileSync(file, 'utf8'), FIXTURE);
    assert.equal(readFileSync(join(cache, 'LICENSE-ATTACK.txt'), 'utf8'), 'licence text');
    assert.match(lines.join('\n'), /Downloading MITRE ATT&CK® v18\.1 from http:\/\/127\.0\.0\.1:\d+\/bundle\.json \(once; cached in /);
    assert.ok(!existsSync(`${file}.part`));
  });

  it('refuses a bundle that is not the release and caches nothing', async () => {
    await assert.rejects(downloadStixBundle({ url: `${base}/bundle.json`, expectedFingerprint: V18_1_FINGERPRINT, cacheDir: cache }), /is not the v18\.1 release \(content fingerprint [0-9a-f]{12}… ≠ 7b28b0831ac0…\); nothing was cached/);
    assert.ok(!existsSync(join(cache, 'enterprise-attack-18.1.json')));
  });

  it('says clearly when the server answers with an error or with something that is not STIX', async () => {
    await assert.rejects(downloadStixBundle({ url: `${base}/missing`, cacheDir: cache }), /could not download the MITRE ATT&CK® bundle: HTTP 404 from http:\/\/127\.0\.0\.1:\d+\/missing/);
    await assert.rejects(downloadStixBundle({ url: `${base}/not-json`, cacheDir: cache }), /is not a STIX bundle/);
  });

  it('pins the fingerprint of the v18.1 release (checked against the shared copy when present)', function () {
    const stix = findStixBundle();
    if (!stix || !stix.endsWith('.gz')) this.skip();
    assert.equal(bundleFingerprint(gunzipSync(readFileSync(stix!)).toString('utf8')), V18_1_FINGERPRINT);
  });
});
