// binary-trees: allocate and walk many short-lived binary trees (the Benchmarks
// Game's binary-trees); allocation, GC and recursion.
// iterations: 8
// checksum: 16383 4096:126976 1024:130048 256:130816 64:131008 16:131056 8191

class TreeNode {
  constructor(left, right) { this.left = left; this.right = right; }
  check() { return this.left === null ? 1 : 1 + this.left.check() + this.right.check(); }
}

function bottomUp(depth) {
  return depth > 0 ? new TreeNode(bottomUp(depth - 1), bottomUp(depth - 1)) : new TreeNode(null, null);
}

function benchmark() {
  const minDepth = 4, maxDepth = 12;
  const out = [bottomUp(maxDepth + 1).check()];
  const longLived = bottomUp(maxDepth);
  for (let depth = minDepth; depth <= maxDepth; depth += 2) {
    const iterations = 1 << (maxDepth - depth + minDepth);
    let check = 0;
    for (let i = 0; i < iterations; i++) check += bottomUp(depth).check();
    out.push(iterations + ":" + check);
  }
  out.push(longLived.check());
  return out.join(" ");
}
