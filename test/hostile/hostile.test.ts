// Every hostile input at full size (up to 5 MB) through the one composition point, as `bench --hostile` does.
// Run with: npx mocha test/hostile/*.test.ts (HOSTILE_ALL=1 also runs the HTML inputs, whose parsing belongs to
// the article step). No time is asserted here; `bench --hostile` reports times against the 5 s budget, and the
// growth tests in test/unit/properties prove each step linear.
import * as assert from 'node:assert/strict';
import { articleFromContent } from '../../src/engine/article/load';
import { briefLoaded, loadFeed } from '../../src/engine/brief';
import { attackKnowledge } from '../../src/engine/attack/knowledge';
import { loadAttackIndex } from '../../src/engine/attack/lookup';
import type { AttackKnowledge } from '../../src/engine/model';
import { HOSTILE_INPUTS } from './inputs';

describe('hostile inputs at full size', function () {
  this.timeout(120_000);
  let attack: AttackKnowledge | undefined;
  before(() => {
    try {
      attack = attackKnowledge(loadAttackIndex(undefined));
    } catch {
      attack = undefined; // index not built: IOCs and severity are still exercised
    }
  });

  for (const h of HOSTILE_INPUTS) {
    it(`${h.name} (${h.note})`, async function () {
      if (h.kind === 'html' && !process.env.HOSTILE_ALL) this.skip();
      const content = h.make();
      const articles = h.kind === 'feed'
        ? (await loadFeed({ xml: content })).items.map((i) => i.article)
        : [articleFromContent(content, { fileName: h.kind === 'html' ? 'page.html' : 'article.txt' })];
      for (const a of articles) {
        const r = briefLoaded(a, { attack });
        assert.ok(r.markdown.length > 0 && r.json.endsWith('\n'));
      }
    });
  }
});
