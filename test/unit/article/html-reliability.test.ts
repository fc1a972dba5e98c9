import { strict as assert } from 'node:assert';
import type { AnyNode } from 'domhandler';
import { textOf, renderText } from '../../../src/engine/article/blockText';
import { htmlFragmentToText, htmlToArticle } from '../../../src/engine/article/html';
import { limitNesting } from '../../../src/engine/article/nesting';
import { MAX_DOM_DEPTH, parseHtml } from '../../../src/engine/article/parseHtml';

const PARA = '<p>The loader beacons to its C2 at evil-c2-node[.]top over HTTPS, then runs PowerShell.</p>';
const deep = (n: number, tag = 'div'): string => `<html><body><article><h1>Deep page</h1>${`<${tag}>`.repeat(n)}${PARA}${`</${tag}>`.repeat(n)}</article></body></html>`;

function depthOf(root: AnyNode): number {
  let max = 0;
  const stack: Array<[AnyNode, number]> = [[root, 0]];
  while (stack.length) {
    const [n, d] = stack.pop() as [AnyNode, number];
    max = Math.max(max, d);
    for (const c of (n as { children?: AnyNode[] }).children ?? []) stack.push([c, d + 1]);
  }
  return max;
}

/** CPU time of f, for ratios between input sizes (never compared with a fixed number of seconds). */
function cpu(f: () => void): number {
  const t = process.cpuUsage();
  f();
  const d = process.cpuUsage(t);
  return d.user + d.system;
}

describe('HTML reliability', () => {
  it('reads 20,000 nested <div>s (a stack overflow from ~3,500 before) and keeps the text', () => {
    const a = htmlToArticle(deep(20_000));
    assert.equal(a.title, 'Deep page');
    assert.match(a.text, /evil-c2-node\[\.\]top/);
  });

  it('reads unclosed, broken markup nested 30,000 deep', () => {
    const html = '<html><body><h1>Broken</h1>' + Array.from({ length: 30_000 }, (_, i) => `<div><span><b>${i} `).join('') + '</body></html>';
    const a = htmlToArticle(html);
    assert.equal(a.title, 'Broken');
    assert.match(a.text, /29999/);
  });

  it('caps the parsed tree at MAX_DOM_DEPTH levels', () => {
    const $ = parseHtml(deep(5_000));
    assert.ok(depthOf($.root()[0]) <= MAX_DOM_DEPTH + 2, String(depthOf($.root()[0])));
    assert.match($('body').text(), /evil-c2-node/);
  });

  it('leaves normal pages to the parser unchanged', () => {
    const page = `<html><body><article>${'<div><section><p>x</p></section></div>'.repeat(200)}${'<p>unclosed '.repeat(2000)}</article></body></html>`;
    const r = limitNesting(page, 512);
    assert.equal(r.dropped, 0);
    assert.equal(r.html, page);
  });

  it('renders and measures text without recursion (a hand-built 20,000-deep chain)', () => {
    const $ = parseHtml('<html><body><div id=top></div></body></html>');
    // Build the chain directly (the parser would cap it) to exercise the walkers themselves.
    let node = $('#top')[0] as unknown as { children: unknown[]; name: string };
    for (let i = 0; i < 20_000; i++) {
      const child = $('<div></div>')[0] as unknown as { children: unknown[]; parent: unknown };
      child.parent = node;
      node.children = [child];
      node = child as unknown as typeof node;
    }
    node.children = [$('<p>bottom text</p>')[0]];
    (node.children[0] as { parent: unknown }).parent = node;
    const top = $('#top')[0];
    assert.match(textOf(top), /bottom text/);
    assert.match(renderText([top]), /bottom text/);
  });

  it('costs linear time in the nesting depth (4× the depth, well under 16× the time)', () => {
    htmlToArticle(deep(1000)); // warm up
    const small = cpu(() => htmlToArticle(deep(5_000)));
    const big = cpu(() => htmlToArticle(deep(20_000)));
    assert.ok(big / small < 8, `ratio ${(big / small).toFixed(1)}`);
  });

  it('costs linear time in the number of children of one element (wide single-line pages)', () => {
    const wide = (n: number): string => `<html><body><article><h1>Wide</h1>${Array.from({ length: n }, (_, i) => `<span>w${i}</span><time>x</time>`).join('')}</article></body></html>`;
    htmlToArticle(wide(1000));
    const small = cpu(() => htmlToArticle(wide(5_000)));
    const big = cpu(() => htmlToArticle(wide(20_000))); // removeSubsets on every scope.find: ~16×
    assert.ok(big / small < 8, `ratio ${(big / small).toFixed(1)}`);
  });

  it('cleans a deeply nested feed fragment', () => {
    assert.match(htmlFragmentToText(`${'<div>'.repeat(10_000)}${PARA}`), /evil-c2-node/);
  });
});
