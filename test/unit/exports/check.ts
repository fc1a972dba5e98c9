// One check per export format: the file parses, validates against its schema in ../shared/schemas/formats, and
// passes the rules validate.py applies in code. Returns the parsed documents for further assertions.
import { strict as assert } from 'node:assert';
import type { ExportFormat, ExportResult } from '../../../src/engine/exports/types';
import { kqlErrors } from '../../support/kusto';
import { contentctlErrors, schemaErrors, yaml11Docs, yamlDocs } from '../../support/formats';

export const counts: Record<string, number> = {};

function count(format: string): void {
  counts[format] = (counts[format] ?? 0) + 1;
}

type Doc = Record<string, unknown>;

/** RFC 4180 reader (quoted fields, doubled quotes, CRLF). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  assert.equal(cell, '', 'CSV ends with CRLF');
  assert.equal(row.length, 0);
  return rows;
}

export function checkExport(format: ExportFormat, r: ExportResult): Doc[] {
  assert.ok(r.ok, r.ok ? '' : r.reason);
  if (!r.ok) return [];
  const text = r.text;
  assert.ok(text.endsWith('\n'), 'ends with a newline');
  switch (format) {
    case 'sigma': {
      const docs = yamlDocs(text) as Doc[];
      assert.deepEqual(yaml11Docs(text), docs, 'YAML 1.1 readers see the same values');
      assert.match(r.fileName, /^[a-z0-9_]+\.yml$/);
      for (const d of docs) {
        const kind = 'correlation' in d ? 'sigma-correlation' : 'sigma';
        assert.deepEqual(schemaErrors(kind, d), [], `${kind} schema`);
        count(kind);
      }
      return docs;
    }
    case 'security_content': {
      const docs = yamlDocs(text) as Doc[];
      assert.equal(docs.length, 1);
      assert.deepEqual(yaml11Docs(text), docs);
      assert.deepEqual(schemaErrors('security-content', docs[0]), [], 'security_content schema');
      assert.deepEqual(contentctlErrors(docs[0], r.fileName), [], 'contentctl code checks');
      count('security-content');
      return docs;
    }
    case 'sentinel': {
      const docs = yamlDocs(text) as Doc[];
      assert.equal(docs.length, 1);
      assert.deepEqual(yaml11Docs(text), docs);
      assert.deepEqual(schemaErrors('sentinel-hunting', docs[0]), [], 'Sentinel schema');
      assert.deepEqual(kqlErrors(docs[0].query as string), [], 'the query analyses with zero errors');
      assert.match(r.fileName, /^[A-Za-z0-9]+\.yaml$/);
      count('sentinel-hunting');
      return docs;
    }
    case 'kql': {
      assert.deepEqual(kqlErrors(text), [], 'the .kql file (header included) analyses with zero errors');
      const header = text.split('\n').filter((l) => l.startsWith('//'));
      assert.ok(header.length >= 3);
      count('kql');
      return [];
    }
    case 'spl': {
      assert.ok(text.startsWith('```\n'));
      const close = text.indexOf('```', 3);
      assert.ok(close > 0, 'the header comment is closed');
      assert.ok(!text.slice(close + 3).trimStart().startsWith('```'));
      assert.match(text.slice(close + 3), /^\n\S/, 'the search follows the header');
      count('spl');
      return [];
    }
    case 'stix': {
      const bundle = JSON.parse(text) as Doc;
      assert.deepEqual(schemaErrors('stix', bundle), [], 'STIX 2.1 bundle schema');
      const objects = bundle.objects as Doc[];
      const ids = new Set(objects.map((o) => o.id as string));
      assert.equal(ids.size, objects.length, 'unique ids');
      for (const o of objects) {
        for (const k of ['object_refs', 'source_ref', 'target_ref', 'created_by_ref']) {
          const refs = o[k] === undefined ? [] : Array.isArray(o[k]) ? (o[k] as string[]) : [o[k] as string];
          for (const ref of refs) assert.ok(ids.has(ref), `${o.id}.${k} → ${ref} is in the bundle`);
        }
      }
      count('stix');
      return [bundle];
    }
    case 'csv': {
      const rows = parseCsv(text);
      assert.ok(rows.length >= 2);
      for (const row of rows) assert.equal(row.length, rows[0].length, 'same number of cells on every row');
      count('csv');
      return rows.map((r) => Object.fromEntries(rows[0].map((h, i) => [h, r[i]])));
    }
  }
}
