// Host and URL identity facts, one definition each: the site a URL belongs to, and when two URLs are one article.

/**
 * The identity of an article URL: scheme, fragment, trailing slashes and case ignored. One definition, used for
 * briefing IDs and for detecting an already-briefed URL.
 */
export function urlKey(url: string): string {
  return url.trim().replace(/^https?:\/\//i, '').replace(/#.*$/, '').replace(/\/+$/, '').toLowerCase();
}

/** A host without its leading `www.`: how a publisher is named and compared. */
export function siteHost(host: string): string {
  return host.replace(/^www\./, '');
}

/** The site host of a URL, or undefined when the URL does not parse. */
export function siteOfUrl(url: string): string | undefined {
  try {
    return siteHost(new URL(url).hostname);
  } catch {
    return undefined;
  }
}
