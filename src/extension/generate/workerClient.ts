// The extension host's side of the brief worker: one worker thread, started on first use and kept warm (the ATT&CK
// index stays loaded in it); cancelling a request terminates the worker, and the next request starts a new one.
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
type Pending = Map<number, { resolve: (r: BriefResult) => void; reject: (e: Error) => void }>;
// Each worker has its own pending requests: a terminated worker's exit must not fail its successor's work.
const pendingOf = new WeakMap<Worker, Pending>();

function start(): Worker {
  const w = new Worker(workerFile);
  const pending: Pending = new Map();
  pendingOf.set(w, pending);
  const failAll = (e: Error) => {
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };
  w.on('message', (m: BriefReply) => {
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (m.ok) p.resolve({ briefing: m.briefing as Briefing, markdown: m.markdown, json: m.json });
    else p.reject(Object.assign(new Error(m.message), { name: m.name, ...(m.code ? { code: m.code } : {}) }));
  });
  w.on('error', (e) => failAll(e));
  w.on('exit', (code) => {
    if (worker === w) worker = undefined;
    if (pending.size) failAll(new Error(`the briefing worker stopped (exit code ${code})`));
  });
  // The worker must not keep the extension host alive on shutdown.
  w.unref();
  return w;
}

/** Briefs in the worker thread. Aborting the signal stops the work at once. */
export function briefInWorker(source: BriefSource, attack: BriefRequest['attack'], fetch: BriefRequest['fetch'], signal?: AbortSignal): Promise<BriefResult> {
  if (signal?.aborted) return Promise.reject(Object.assign(new Error('Cancelled'), { name: 'AbortError' }));
  worker ??= start();
  const w = worker;
  const pending = pendingOf.get(w)!;
  const id = nextId++;
  return new Promise<BriefResult>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    signal?.addEventListener('abort', () => {
      if (!pending.has(id)) return;
      pending.delete(id);
      reject(Object.assign(new Error('Cancelled'), { name: 'AbortError' }));
      // Other requests on this worker fail with a clear message; a new worker serves the next one.
      if (worker === w) worker = undefined;
      void w.terminate();
    }, { once: true });
    w.postMessage({ id, source, attack, fetch } satisfies BriefRequest);
  });
}

/** Stops the worker (deactivation, or the ATT&CK data changed). */
export function stopBriefWorker(): void {
  const w = worker;
  worker = undefined;
  if (w) void w.terminate();
}
