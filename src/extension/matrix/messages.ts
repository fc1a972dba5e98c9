// The messages between the matrix webview and the extension. Everything from the webview is treated as untrusted
// input (its page renders briefing text): each message is checked field by field here, and anything else is dropped.
// No vscode import, so the checks are unit-tested in plain Node.
import { BriefingFilter, cleanFilter } from '../../engine/exports/matrixFilter';
import type { MatrixModel } from '../../engine/exports/matrix';

export type FromWebview =
  | { type: 'ready' }
  | { type: 'refresh' }
  | { type: 'export' }
  | { type: 'filter'; filter: BriefingFilter }
  | { type: 'open'; key: string }
  /** seq: the number of the model message this render shows (0 when the page did not say). */
  | { type: 'rendered'; techniques: string[]; seq: number };

export type ToWebview =
  /** seq numbers the models in the order they were posted; the page echoes it with its render report. */
  | { type: 'model'; model: MatrixModel; seq: number }
  | { type: 'error'; message: string };

const ID_RE = /^T\d{4}(?:\.\d{3})?$/;
/** More than the whole enterprise matrix (about 700 techniques, some under several tactics). */
const MAX_RENDERED = 5000;
const MAX_KEY = 1024;

/** The message if it is one the extension understands, else undefined. */
export function parseFromWebview(raw: unknown): FromWebview | undefined {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const m = raw as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
    case 'refresh':
    case 'export':
      return { type: m.type };
    case 'filter':
      return { type: 'filter', filter: cleanFilter(m.filter) };
    case 'open':
      // A store path such as "2026-11-02/slug.md"; the panel also checks it is one of the briefings it sent.
      if (typeof m.key !== 'string' || !m.key || m.key.length > MAX_KEY || m.key.includes('..') || m.key.startsWith('/') || m.key.includes('\\')) return undefined;
      return { type: 'open', key: m.key };
    case 'rendered': {
      if (!Array.isArray(m.techniques) || m.techniques.length > MAX_RENDERED) return undefined;
      const techniques = m.techniques.filter((t): t is string => typeof t === 'string' && ID_RE.test(t));
      if (techniques.length !== m.techniques.length) return undefined;
      const seq = m.seq === undefined ? 0 : m.seq;
      if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0) return undefined;
      return { type: 'rendered', techniques: [...new Set(techniques)].sort(), seq };
    }
    default:
      return undefined;
  }
}
