// The extension host's side of the brief worker: one worker thread, started on first use and kept warm (the ATT&CK
// index stays loaded in it); cancelling a request terminates the worker, and a new one serves the others and the next.
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { BriefResult, BriefSource } from '../../engine/brief';
import type { Briefing } from '../../engine/model';
import type { BriefReply, BriefRequest } from './briefWorker';

let worker: Worker | undefined;
// Beside the bundled extension in dist/; tests point it at the built file.
let workerFile = path.join(__dirname, 'brief-worker.js');

export function setBriefWorkerFile(file: string): void {
  workerFile = file;
}
let nextId = 1;
/** Requests in flight, by ID, each with the worker serving it and its message (to hand it to another worker). */
interface InFlight { resolve: (r: BriefResult) => void; reject: (e: Error) => void; msg: BriefRequest; on: Worker }
const inFlight = new Map<number, InFlight>();

function start(): Worker {
  const w = new Worker(workerFile);
  const failAll = (e: Error) => {
    for (const [id, r] of inFlight) {
      if (r.on !== w) continue;
      inFlight.delete(id);
      r.reject(e);
    }
  };
  w.on('message', (m: BriefReply) => {
    const r = inFlight.get(m.id);
    // A reply from a worker that no longer serves this request (it was handed on) is dropped.
    if (!r || r.on !== w) return;
    inFlight.delete(m.id);
    if (m.ok) r.resolve({ briefing: m.briefing as Briefing, markdown: m.markdown, json: m.json });
    else r.reject(Object.assign(new Error(m.message), { name: m.name, ...(m.code ? { code: m.code } : {}) }));
  });
  w.on('error', (e) => failAll(e));
  w.on('exit', (code) => {
    if (worker === w) worker = undefined;
    failAll(new Error(`the briefing worker stopped (exit code ${code})`));
  });
  // The worker must not keep the extension host alive on shutdown.
  w.unref();
  return w;
}

/** Sends a request to the current worker (started when there is none) and records which worker serves it. */
function dispatch(id: number, r: Omit<InFlight, 'on'>): void {
  const on = (worker ??= start());
  inFlight.set(id, { ...r, on });
  on.postMessage(r.msg);
}

/**
 * Briefs in the worker thread. Aborting the signal stops the work at once: the worker is terminated, and the other
 * requests it was serving (a feed poll beside a one-shot generate) are handed to a new worker, not failed.
 */
export function briefInWorker(source: BriefSource, attack: BriefRequest['attack'], fetch: BriefRequest['fetch'], signal?: AbortSignal): Promise<BriefResult> {
  if (signal?.aborted) return Promise.reject(Object.assign(new Error('Cancelled'), { name: 'AbortError' }));
  const id = nextId++;
  return new Promise<BriefResult>((resolve, reject) => {
    const msg: BriefRequest = { id, source, attack, fetch };
    signal?.addEventListener('abort', () => {
      const r = inFlight.get(id);
      if (!r) return;
      inFlight.delete(id);
      reject(Object.assign(new Error('Cancelled'), { name: 'AbortError' }));
      const w = r.on;
      const others = [...inFlight].filter(([, o]) => o.on === w);
      for (const [other] of others) inFlight.delete(other);
      if (worker === w) worker = undefined;
      void w.terminate();
      for (const [other, o] of others) dispatch(other, o);
    }, { once: true });
    dispatch(id, { resolve, reject, msg });
  });
}

/** Stops the worker (deactivation, or the ATT&CK data changed). */
export function stopBriefWorker(): void {
  const w = worker;
  worker = undefined;
  if (w) void w.terminate();
}
