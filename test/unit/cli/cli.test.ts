import { strict as assert } from 'node:assert';
import { main } from '../../../src/cli/main';

describe('cli', () => {
  it('prints the version', async () => {
    const lines: string[] = [];
    const orig = process.stdout.write.bind(process.stdout);
    (process.stdout as unknown as { write: (s: string) => boolean }).write = (s: string) => (lines.push(s), true);
    try {
      assert.equal(await main(['--version']), 0);
    } finally {
      (process.stdout as unknown as { write: typeof orig }).write = orig;
    }
    assert.match(lines.join(''), /^\d+\.\d+\.\d+/);
  });
});
