// Composition for exports: a briefing's hunt in a detection format, with what the hunt catalogue knows about it.
// A behaviour hunt's Sigma detection has one definition, in its catalogue entry (engine/hunts/catalogue); briefings
// store only the hunt's ID, so it is looked up here by ID instead of being copied into every briefing's JSON, and
// the two steps (hunts, exports) never import each other. The CLI and the extension export through this function.
import { catalogueHunt } from './hunts/catalogue';
import { exportHunt } from './exports/export';
import type { ExportOptions, ExportResult, HuntFormat } from './exports/types';
import type { Briefing, Hunt, SigmaSpec } from './model';

/** The catalogue's Sigma detection for a behaviour hunt ID, or why it has none; undefined for other hunts. */
export function catalogueSigma(hunt: Pick<Hunt, 'id' | 'kind'>): { sigma?: SigmaSpec; sigmaUnsupported?: string } | undefined {
  if (hunt.kind !== 'behaviour') return undefined;
  const c = catalogueHunt(hunt.id);
  return c ? { sigma: c.sigma, sigmaUnsupported: c.sigmaUnsupported } : undefined;
}

/** exportHunt with the catalogue's Sigma detection filled in (a spec the caller passes wins). */
export function exportBriefingHunt(format: HuntFormat, hunt: Hunt, briefing: Briefing, opts: ExportOptions = {}): ExportResult {
  if (format !== 'sigma' || opts.sigma) return exportHunt(format, hunt, briefing, opts);
  const known = catalogueSigma(hunt);
  return exportHunt(format, hunt, briefing, known ? { ...opts, ...known } : opts);
}
