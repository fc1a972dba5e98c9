// Escaped text renders as the article wrote it, checked with a real CommonMark renderer (markdown-it, installed
// with the packaging tools) rather than by reasoning about the escapes.
import { strict as assert } from 'node:assert';
import { createRequire } from 'node:module';
import { briefLoaded } from '../../../src/engine/brief';
import { escapeMarkdown, renderMarkdown } from '../../../src/engine/briefing/markdown';

interface Renderer { renderInline(s: string): string; render(s: string): string }
const load = (): Renderer | undefined => {
  try {
    const MarkdownIt = createRequire(__filename)('markdown-it') as new (opts?: object) => Renderer;
    return new MarkdownIt({ html: true, linkify: false });
  } catch {
    return undefined;
  }
};
/** The text a browser shows for rendered HTML: tags dropped, the entities markdown-it emits decoded. */
const shown = (html: string): string => html.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&').trim();

describe('markdown escaping renders as written', () => {
  const md = load();
  before(function () {
    if (!md) this.skip();
  });

  const SAMPLES = [
    'The dropper writes to C:\\Users\\Public\\svc.exe and HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run.',
    'The page hides the payload in an HTML comment that ends with -->, then loads <script src=x>.',
    'Operators used *wildcards*, `backticks`, a | pipe, _underscores_ and [a](link) in the command.',
    'A literal entity &lt;b&gt; and a share path \\\\fileserver\\c$\\temp, ending with a backslash \\',
    '> not a quote, # not a heading, and 1 < 2 > 0.',
    'Escaped chars stay: \\* and \\_ and \\[ as the author typed them.',
  ];

  it('each sample renders to exactly its text, with no tag or link created', () => {
    for (const s of SAMPLES) {
      const html = md!.renderInline(escapeMarkdown(s));
      assert.equal(shown(html), s, `${s}\n→ ${escapeMarkdown(s)}\n→ ${html}`);
      assert.ok(!/<(?:script|a|em|strong|code|b)\b/.test(html), html);
    }
  });

  it('keeps Windows paths and "-->" readable in the raw file (escaped once, no entity for ">")', () => {
    assert.equal(escapeMarkdown('C:\\Users\\Public\\a.exe'), 'C:\\Users\\Public\\a.exe');
    assert.equal(escapeMarkdown('ends with -->'), 'ends with -->');
    assert.equal(escapeMarkdown('a <b> tag'), 'a &lt;b> tag');
  });

  it('as a block quote line too: a leading ">" or "#" does not open a block', () => {
    for (const s of ['> quoted?', '# heading?', 'path C:\\Temp\\ trailing \\']) {
      const html = md!.render(`> ${escapeMarkdown(s)}`);
      assert.equal(shown(html), s, html);
      assert.equal((html.match(/<blockquote>/g) ?? []).length, 1, html);
    }
  });
});

describe('markdown source line', () => {
  it('shows the publisher exactly as the JSON carries it (a host is not defanged: it is not an indicator)', () => {
    const article = { title: 'Loader returns', source: '', url: 'https://research.example.org/2024/05/02/loader/', text: 'The operators switched loaders.', format: 'text' as const };
    const { briefing } = briefLoaded(article, {});
    assert.equal(briefing.source, 'research.example.org');
    assert.ok(renderMarkdown(briefing).includes(`**Source:** ${briefing.source}`));
  });
});
