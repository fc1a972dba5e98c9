// Counts in words for every message: "1 IOC", "3 IOCs", "1 new entry", "2 new entries".
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
