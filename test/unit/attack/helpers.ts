// Shared ATT&CK fixtures: the real v18 bundle is built once per test run (33 MB), the v17-style fixture is tiny.
import { join } from 'node:path';
import { buildIndexFromFile } from '../../../src/engine/attack/build-index';
import { AttackIndex } from '../../../src/engine/attack/lookup';
import { findStixBundle } from '../../../src/engine/attack/paths';

export const FIXTURE = join(__dirname, '../../fixtures/attack/v17-mini.json');
let real: AttackIndex | undefined;
let mini: AttackIndex | undefined;

export function realIndex(): AttackIndex | undefined {
  const stix = findStixBundle(); // beside the project, beside the clone's origin, or cached
  if (!real && stix) real = new AttackIndex(buildIndexFromFile(stix));
  return real;
}

export function miniIndex(): AttackIndex {
  mini ??= new AttackIndex(buildIndexFromFile(FIXTURE));
  return mini;
}

/** Registers a `before` hook that builds the real v18 index once (skipping the suite when the bundle is absent). */
export function beforeRealIndex(set: (index: AttackIndex) => void): void {
  before(function () {
    this.timeout(60000);
    const r = realIndex();
    if (!r) this.skip();
    set(r!);
  });
}
