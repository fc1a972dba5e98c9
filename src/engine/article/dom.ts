// Iterative DOM helpers: deep or huge pages must not overflow the call stack or cost O(n × depth). Queries walk a
// subtree once (cheerio's scope.find() runs removeSubsets, O(children²), on every call), ancestor tests are
// memoised, and removals are done per parent in one pass.
import type { AnyNode, Element, ParentNode } from 'domhandler';

export function isElement(n: AnyNode): n is Element {
  return n.type === 'tag' || n.type === 'script' || n.type === 'style';
}

function childrenOf(n: AnyNode): AnyNode[] | undefined {
  const kids = (n as Partial<ParentNode>).children;
  return Array.isArray(kids) ? kids : undefined;
}

/** The elements below `root` (not `root` itself), in document order. */
export function elementsIn(root: AnyNode | undefined): Element[] {
  const out: Element[] = [];
  if (!root) return out;
  const stack: AnyNode[] = [...(childrenOf(root) ?? [])].reverse();
  while (stack.length) {
    const n = stack.pop() as AnyNode;
    if (!isElement(n)) continue;
    out.push(n);
    const kids = n.children;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return out;
}

/**
 * True when a strict ancestor of `node` (below the document root) passes `test`. `cache` remembers, per node,
 * whether the node or one of its ancestors passes, so asking for every element of a page costs O(n) overall.
 * Removing other subtrees never changes a node's ancestors, so a cache stays valid while the DOM shrinks.
 */
export function hasAncestor(node: AnyNode, test: (el: Element) => boolean, cache: Map<AnyNode, boolean>): boolean {
  const path: AnyNode[] = [];
  let result = false;
  for (let p = node.parent; p && p.type !== 'root'; p = p.parent) {
    const hit = cache.get(p);
    if (hit !== undefined) {
      result = hit;
      break;
    }
    path.push(p);
  }
  for (let k = path.length - 1; k >= 0; k--) {
    const p = path[k];
    result = result || (isElement(p) && test(p));
    cache.set(p, result);
  }
  return result;
}

/** Detaches nodes from the tree, one pass per parent (removing one by one costs O(children) each). */
export function removeNodes(nodes: Iterable<AnyNode>): void {
  const byParent = new Map<ParentNode, Set<AnyNode>>();
  for (const n of nodes) {
    const p = n.parent;
    if (!p) continue;
    let set = byParent.get(p);
    if (!set) byParent.set(p, (set = new Set()));
    set.add(n);
  }
  for (const [parent, gone] of byParent) {
    const kept = parent.children.filter((c) => !gone.has(c));
    for (const n of gone) {
      n.parent = null;
      n.prev = null;
      n.next = null;
    }
    relink(parent, kept);
  }
}

function relink(parent: ParentNode, kids: AnyNode[]): void {
  for (let i = 0; i < kids.length; i++) {
    const k = kids[i];
    k.parent = parent;
    k.prev = i > 0 ? kids[i - 1] : null;
    k.next = i + 1 < kids.length ? kids[i + 1] : null;
  }
  parent.children = kids as ParentNode['children'];
}

/**
 * Bounds the tree's depth: below `maxDepth` levels, every subtree is flattened into its ancestor at that level
 * (descendants in document order, elements kept but emptied), so text survives in reading order and every
 * later walk stays shallow. Returns how many subtrees were flattened. Normal pages are far shallower and are
 * left untouched.
 */
export function capDepth(root: AnyNode, maxDepth: number): number {
  let flattened = 0;
  const stack: Array<[AnyNode, number]> = [[root, 0]];
  while (stack.length) {
    const [n, depth] = stack.pop() as [AnyNode, number];
    const kids = childrenOf(n);
    if (!kids?.length) continue;
    if (depth >= maxDepth && kids.some((k) => childrenOf(k)?.length)) {
      flatten(n as ParentNode);
      flattened++;
      continue;
    }
    for (const k of kids) stack.push([k, depth + 1]);
  }
  return flattened;
}

function flatten(el: ParentNode): void {
  const flat: AnyNode[] = [];
  const stack: AnyNode[] = [...el.children].reverse();
  while (stack.length) {
    const n = stack.pop() as AnyNode;
    flat.push(n);
    const kids = childrenOf(n);
    if (kids?.length) {
      (n as ParentNode).children = [];
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
    }
  }
  relink(el, flat);
}
