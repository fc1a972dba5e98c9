// How the editor fetches pages and feeds, from the settings: one definition for every feature that fetches.
import type { FetchOptions } from '../../engine/article/fetch';
import { log } from './log';
import { settings } from './settings';

/** Options that can cross into the brief worker (no functions: worker messages are structured clones). */
export function plainFetchOptions(): Pick<FetchOptions, 'timeoutMs' | 'maxBytes' | 'allowPrivate' | 'allowPrivateHint'> {
  const { fetch } = settings();
  return {
    timeoutMs: fetch.timeoutSeconds * 1000,
    maxBytes: fetch.maxBytes,
    allowPrivate: fetch.allowPrivateAddresses,
    allowPrivateHint: 'enable the threatBriefings.fetch.allowPrivateAddresses setting to fetch it',
  };
}

/** Options for fetching on the extension host, with warnings going to the log. */
export function fetchOptions(signal?: AbortSignal): FetchOptions {
  return { ...plainFetchOptions(), signal, onWarning: (m) => log().warn(m) };
}
