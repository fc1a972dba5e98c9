import { Command } from './command';
import { notImplemented } from './commands/notImplemented';

export const COMMANDS: Command[] = [
  notImplemented('generate', 'Generate a briefing from a URL, a file or standard input',
    'threat-briefings generate <url|file|-> [--format md|json] [--title T] [--source S] [--published YYYY-MM-DD] [--url U]'),
  notImplemented('feed', 'Generate one briefing per new entry of an RSS/Atom feed',
    'threat-briefings feed <feed-url|file> [--out DIR] [--since YYYY-MM-DD]'),
  notImplemented('eval', 'Score the engine against a corpus with ground truth',
    'threat-briefings eval <corpus-dir> [--json]'),
  notImplemented('bench', 'Speed figures, side by side with peer libraries', 'threat-briefings bench [--json]'),
  notImplemented('attack', 'MITRE ATT&CK® index: build-index, lookup', 'threat-briefings attack build-index [--stix FILE] [--out FILE]'),
];
