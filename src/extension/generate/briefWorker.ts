// Runs in a worker thread (dist/brief-worker.js), never on the extension host's thread: fetching, parsing and briefing
// a 5 MB page takes seconds, and the editor must stay responsive meanwhile. No vscode import here.
import { parentPort } from 'node:worker_threads';
import { briefArticle, BriefSource } from '../../engine/brief';
import { attackKnowledge } from '../../engine/attack/knowledge';
import { AttackIndex, clearAttackIndexCache, loadAttackIndex } from '../../engine/attack/lookup';
import type { FetchOptions } from '../../engine/article/fetch';

export interface BriefRequest {
  id: number;
  source: BriefSource;
  /** ATT&CK data to load: a file (undefined = the index bundled beside this file) and a stamp; null = none. */
  attack: { file: string | undefined; stamp: string } | null;
  fetch: Omit<FetchOptions, 'signal'>;
}

export type BriefReply =
  | { id: number; ok: true; briefing: unknown; markdown: string; json: string }
  | { id: number; ok: false; name: string; message: string; code?: string };

let loaded: { stamp: string; index: AttackIndex } | undefined;

function knowledgeFor(attack: BriefRequest['attack']) {
  if (!attack) return undefined;
  if (loaded?.stamp !== attack.stamp) {
    clearAttackIndexCache();
    loaded = { stamp: attack.stamp, index: loadAttackIndex(attack.file) };
  }
  return attackKnowledge(loaded.index);
}

parentPort?.on('message', (req: BriefRequest) => {
  void (async () => {
    try {
      const r = await briefArticle(req.source, { attack: knowledgeFor(req.attack), fetch: req.fetch });
      parentPort!.postMessage({ id: req.id, ok: true, briefing: r.briefing, markdown: r.markdown, json: r.json } satisfies BriefReply);
    } catch (e) {
      const err = e as Error & { code?: string };
      parentPort!.postMessage({ id: req.id, ok: false, name: err.name ?? 'Error', message: err.message ?? String(e), ...(err.code ? { code: err.code } : {}) } satisfies BriefReply);
    }
  })();
});
