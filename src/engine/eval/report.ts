// Plain-text report of an eval run: pooled and per-type IOC precision/recall, techniques, benign cases,
// severity bounds and page metadata, then one line per case.
import { CaseScore, EXTRA_TYPES, precision, recall, SCORED_TYPES, Summary } from './score';

const pct = (x: number) => x.toFixed(3);

export function formatReport(summary: Summary, scores: CaseScore[], verbose = false): string {
  const L: string[] = [];
  L.push(`Corpus: ${summary.cases} cases`);
  L.push('');
  L.push(`IOCs (${SCORED_TYPES.join(', ')}): precision ${pct(summary.iocs.precision)}  recall ${pct(summary.iocs.recall)}  (tp ${summary.iocs.tp}, fp ${summary.iocs.fp}, fn ${summary.iocs.fn})`);
  L.push('  type        precision  recall   tp   fp   fn');
  for (const t of [...SCORED_TYPES, ...EXTRA_TYPES]) {
    const c = summary.byType[t];
    if (!c.tp && !c.fp && !c.fn) continue;
    L.push(`  ${t.padEnd(11)} ${pct(c.precision).padStart(9)}  ${pct(c.recall).padStart(6)} ${String(c.tp).padStart(4)} ${String(c.fp).padStart(4)} ${String(c.fn).padStart(4)}${(EXTRA_TYPES as readonly string[]).includes(t) ? '  (not pooled)' : ''}`);
  }
  const t = summary.techniques;
  L.push('');
  L.push(`Techniques: precision ${pct(t.precision)}  recall ${pct(t.recall)}  (tp ${t.tp}, fp ${t.fp}, fn ${t.fn}); parent/sub-technique lenient: precision ${pct(t.lenientPrecision)}  recall ${pct(t.lenientRecall)}`);
  L.push(`Benign cases with false-positive IOCs: ${summary.benignCasesWithIocs.length ? summary.benignCasesWithIocs.map((b) => `${b.name} (${b.iocs.length})`).join(', ') : 'none'}`);
  L.push(`Severity within the labelled bounds: ${summary.severity.ok}/${summary.severity.checked}`);
  L.push(`Page metadata: titles ${summary.meta.titles.ok}/${summary.meta.titles.checked}, published dates ${summary.meta.published.ok}/${summary.meta.published.checked}`);
  L.push('');
  L.push('case                                                   ioc P   ioc R   tech P  tech R  severity  ms');
  for (const s of scores) {
    const c = SCORED_TYPES.reduce((a, ty) => ({ tp: a.tp + s.iocsByType[ty].tp, fp: a.fp + s.iocsByType[ty].fp, fn: a.fn + s.iocsByType[ty].fn }), { tp: 0, fp: 0, fn: 0 });
    const sev = `${s.severity.got}${s.severity.ok === false ? '✗' : s.severity.ok ? '✓' : ' '}`;
    L.push(`${s.name.slice(0, 54).padEnd(54)} ${pct(precision(c)).padStart(6)}  ${pct(recall(c)).padStart(6)}  ${pct(precision(s.techniques)).padStart(6)}  ${pct(recall(s.techniques)).padStart(6)}  ${sev.padEnd(8)} ${s.ms.toFixed(1).padStart(5)}`);
    if (verbose) {
      if (s.falsePositives.length) L.push(`    IOC false positives: ${s.falsePositives.join(', ')}`);
      if (s.missed.length) L.push(`    IOCs missed: ${s.missed.join(', ')}`);
      if (s.techniqueFalsePositives.length) L.push(`    technique false positives: ${s.techniqueFalsePositives.join(', ')}`);
      if (s.techniquesMissed.length) L.push(`    techniques missed: ${s.techniquesMissed.join(', ')}`);
      if (s.severity.ok === false) L.push(`    severity ${s.severity.got} outside ${s.severity.min ?? ''}..${s.severity.max ?? ''}`);
      if (s.meta.title && !s.meta.title.ok) L.push(`    title: got “${s.meta.title.got}”, expected “${s.meta.title.expected}”`);
      if (s.meta.published && !s.meta.published.ok) L.push(`    published: got ${s.meta.published.got ?? 'none'}, expected ${s.meta.published.expected}`);
    }
  }
  return L.join('\n');
}
