/**
 * The identity of an article URL: scheme, fragment, trailing slashes and case ignored. One definition, used for
 * briefing IDs and for detecting an already-briefed URL.
 */
export function urlKey(url: string): string {
  return url.trim().replace(/^https?:\/\//i, '').replace(/#.*$/, '').replace(/\/+$/, '').toLowerCase();
}
