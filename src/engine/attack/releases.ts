// ATT&CK release dates, to name the release of a bundle that carries no x-mitre-collection object
// (e.g. one reassembled from the mitre/cti per-object files). Source: attack.mitre.org/resources/versions/.
export const ATTACK_RELEASES: ReadonlyArray<readonly [version: string, date: string]> = [
  ['13.0', '2023-04-25'],
  ['13.1', '2023-05-09'],
  ['14.0', '2023-10-31'],
  ['14.1', '2023-11-14'],
  ['15.0', '2024-04-23'],
  ['15.1', '2024-05-02'],
  ['16.0', '2024-10-31'],
  ['16.1', '2024-11-12'],
  ['17.0', '2025-04-22'],
  ['17.1', '2025-04-25'],
  ['18.0', '2025-10-28'],
  ['18.1', '2025-11-13'],
];

/** The first release on or after the newest `modified` date in the bundle; undefined when newer than the table. */
export function releaseForDate(newestModified: string): string | undefined {
  const day = newestModified.slice(0, 10);
  return ATTACK_RELEASES.find(([, date]) => date >= day)?.[0];
}
