// Reads a corpus in the shared/corpus format: cases/<NN-slug>/{article.txt|article.md|article.html, meta.json,
// expected.json}. Nothing here is tuned to a case: it only reads the ground truth.
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';

export interface CorpusCase {
  name: string;
  articleFile: string;
  content: string;
  meta: {
    title?: string;
    url?: string;
    published?: string | null;
    format?: string;
    expected_meta?: { title?: string; published?: string };
  };
  expected: {
    iocs: Record<string, string[]>;
    ambiguous?: Record<string, string[]>;
    not_iocs?: string[];
    techniques: string[];
    techniques_ambiguous?: string[];
    severity?: { min?: string; max?: string };
  };
}

export class CorpusError extends Error {}

export async function loadCorpus(dir: string): Promise<CorpusCase[]> {
  const casesDir = path.join(dir, 'cases');
  let names: string[];
  try {
    names = (await fsp.readdir(casesDir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  } catch {
    throw new CorpusError(`No corpus at ${dir}: expected a 'cases' folder with one folder per article.`);
  }
  const cases: CorpusCase[] = [];
  for (const name of names) {
    const caseDir = path.join(casesDir, name);
    const files = await fsp.readdir(caseDir);
    const articleFile = files.find((f) => /^article\.(?:txt|md|html?)$/.test(f));
    if (!articleFile || !files.includes('expected.json')) continue;
    const read = (f: string) => fsp.readFile(path.join(caseDir, f), 'utf8');
    try {
      cases.push({
        name,
        articleFile,
        content: await read(articleFile),
        meta: files.includes('meta.json') ? JSON.parse(await read('meta.json')) : {},
        expected: JSON.parse(await read('expected.json')),
      });
    } catch (e) {
      throw new CorpusError(`Case ${name}: ${(e as Error).message}`);
    }
  }
  if (!cases.length) throw new CorpusError(`No cases found under ${casesDir}.`);
  return cases;
}
