// Microsoft's Kusto parser (Kusto.Language compiled to JS) against the Defender advanced-hunting schema: every KQL the
// product generates must analyse with zero errors — known tables, known columns, right types.
import { readFileSync } from 'node:fs';
import { sharedPath } from './shared';

interface KustoDiagnostic {
  Severity: string;
  Code: string;
  Start: number;
  Length: number;
  Message: string;
}

export interface KqlProblem {
  severity: string;
  code: string;
  message: string;
  at: string;
}

type Analyse = (query: string) => KqlProblem[];
let analyse: Analyse | undefined;

function load(): Analyse {
  // The Bridge.NET build defines globalThis.Kusto as a side effect of loading these two scripts, in this order.
  /* eslint-disable @typescript-eslint/no-require-imports */
  require('@kusto/language-service-next/bridge.min.js');
  require('@kusto/language-service-next/Kusto.Language.Bridge.min.js');
  /* eslint-enable @typescript-eslint/no-require-imports */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the Bridge.NET build has no usable typings
  const K = (globalThis as any).Kusto.Language;
  const schema = JSON.parse(readFileSync(sharedPath('schemas', 'defender-advanced-hunting.json'), 'utf8')) as {
    tables: Record<string, { columns: Array<{ name: string; type: string }> }>;
  };
  const tables = Object.entries(schema.tables).map(([name, t]) =>
    new K.Symbols.TableSymbol.$ctor7(name, '(' + t.columns.map((c) => `['${c.name}']:${c.type}`).join(', ') + ')', null));
  const globals = K.GlobalState.Default.WithDatabase(new K.Symbols.DatabaseSymbol.$ctor2('defender', null, tables));
  return (query: string) => {
    const d = K.KustoCode.ParseAndAnalyze(query, globals).GetDiagnostics();
    const out: KqlProblem[] = [];
    for (let i = 0; i < d.Count; i++) {
      const x = d.getItem(i) as KustoDiagnostic;
      out.push({ severity: x.Severity, code: x.Code, message: x.Message, at: query.slice(Math.max(0, x.Start - 20), x.Start + x.Length + 20) });
    }
    return out;
  };
}

/** All diagnostics of the query (errors and warnings). */
export function kqlDiagnostics(query: string): KqlProblem[] {
  analyse ??= load();
  return analyse(query);
}

/** Only the errors: a query with any of these cannot run. */
export function kqlErrors(query: string): KqlProblem[] {
  return kqlDiagnostics(query).filter((p) => p.severity === 'Error');
}

/** The Defender tables a query reads (its first word and every table after join/union/lookup). */
export function kqlTables(query: string): string[] {
  const names = Object.keys((JSON.parse(readFileSync(sharedPath('schemas', 'defender-advanced-hunting.json'), 'utf8')) as { tables: object }).tables);
  return names.filter((n) => new RegExp(`(?<![\\w.])${n}(?![\\w])`).test(query));
}
