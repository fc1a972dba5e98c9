// The store talks to disk through this small interface: Node fs for the CLI, workspace.fs in the extension.
// Paths are relative to the briefings folder, with '/' separators.
export interface StoreFs {
  readFile(rel: string): Promise<Uint8Array>;
  writeFile(rel: string, data: Uint8Array): Promise<void>;
  rename(fromRel: string, toRel: string): Promise<void>;
  delete(rel: string): Promise<void>;
  mkdirp(rel: string): Promise<void>;
  /** Entries of a folder; [] when it does not exist. */
  readDir(rel: string): Promise<Array<{ name: string; dir: boolean }>>;
  exists(rel: string): Promise<boolean>;
  /** Modification time (ms) and size of a file; undefined when it does not exist. */
  stat(rel: string): Promise<{ mtime: number; size: number } | undefined>;
  /**
   * Creates a file only if nothing exists at that path; false when it exists. Atomic on Node (O_EXCL), so two
   * writers never both get it; workspace.fs offers no exclusive create, so there it is a check then a write.
   */
  createExclusive(rel: string, data: Uint8Array): Promise<boolean>;
}

let tempCount = 0;
/**
 * A temp file's name beside its target: <target>.<pid>-<n>.<base-36 ms>.tmp. The counter keeps two writes of one
 * target in the same millisecond apart (one would rename the other's file away); the time lets a later run tell the
 * temp file of a writer that died (TEMP_RE).
 */
export function tempPathFor(target: string): string {
  tempCount = (tempCount + 1) % 1_000_000;
  return `${target}.${process.pid}-${tempCount}.${Date.now().toString(36)}.tmp`;
}
/** Matches a temp file's name; group 1 is its base-36 creation time. The counter is optional: older builds wrote none. */
export const TEMP_RE = /\.\d+(?:-\d+)?\.([0-9a-z]+)\.tmp$/;
