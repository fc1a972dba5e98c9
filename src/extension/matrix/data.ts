// What the matrix and the layer export read: the briefings folder and the ATT&CK structure, loaded on demand.
import * as vscode from 'vscode';
import type { MatrixAttack, MatrixInput } from '../../engine/exports/matrix';
import { Briefing } from '../../engine/model';
import { attackIndex } from '../attack/data';
import { openStore } from '../core/briefingsFolder';
import { log } from '../core/log';

export interface MatrixData {
  root: vscode.Uri;
  inputs: MatrixInput[];
  briefings: Briefing[];
  /** Undefined when no ATT&CK data could be loaded: every cited ID then shows as unknown. */
  attack?: MatrixAttack;
  /** JSON files the store could not read, shown so a broken file is not silently uncounted. */
  broken: number;
}

/** Opening the matrix before any folder is open is a user error with a clear fix, not a crash. */
export class NoWorkspaceError extends Error {
  constructor() {
    super('Open a folder first: briefings are read from the threatBriefings.briefingsFolder folder inside it.');
    this.name = 'NoWorkspaceError';
  }
}

export async function loadMatrixData(): Promise<MatrixData> {
  const opened = openStore();
  if (!opened) throw new NoWorkspaceError();
  const { briefings, broken } = await opened.store.list();
  for (const b of broken) log().warn(`Matrix: skipped ${b.jsonPath}: ${b.error}`);
  const index = attackIndex();
  return {
    root: opened.root,
    inputs: briefings.map((s) => ({ key: s.markdownPath, briefing: s.briefing })),
    briefings: briefings.map((s) => s.briefing),
    ...(index ? { attack: { tactics: index.tactics, techniques: index.techniques } } : {}),
    broken: broken.length,
  };
}
