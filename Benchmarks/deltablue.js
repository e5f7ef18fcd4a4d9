// deltablue: an incremental constraint solver in the style of DeltaBlue
// (Freeman-Benson, Maloney and Borning): variables linked by equality, scale and
// stay constraints of different strengths; a planner that re-plans incrementally
// as constraints are added and removed. Class hierarchies, virtual calls,
// small arrays used as work lists.
// iterations: 10
// checksum: 99000,4485600

class Strength {
  constructor(value, name) { this.value = value; this.name = name; }
  static stronger(a, b) { return a.value < b.value; }
  static weaker(a, b) { return a.value > b.value; }
  static weakestOf(a, b) { return Strength.weaker(a, b) ? a : b; }
  nextWeaker() { return STRENGTHS[this.value + 1]; }
}

const STRENGTHS = ["required", "strongPreferred", "preferred", "strongDefault", "normal", "weakDefault", "weakest"]
  .map((name, value) => new Strength(value, name));
const REQUIRED = STRENGTHS[0], STRONG_PREFERRED = STRENGTHS[1], PREFERRED = STRENGTHS[2],
  STRONG_DEFAULT = STRENGTHS[3], NORMAL = STRENGTHS[4], WEAK_DEFAULT = STRENGTHS[5], WEAKEST = STRENGTHS[6];

class Variable {
  constructor(name, value) {
    this.name = name; this.value = value;
    this.constraints = [];
    this.determinedBy = null;
    this.mark = 0;
    this.walkStrength = WEAKEST;
    this.stay = true;
  }
  addConstraint(c) { this.constraints.push(c); }
  removeConstraint(c) {
    const i = this.constraints.indexOf(c);
    if (i >= 0) this.constraints.splice(i, 1);
    if (this.determinedBy === c) this.determinedBy = null;
  }
}

class Constraint {
  constructor(strength) { this.strength = strength; }
  // Adds this constraint to the graph and satisfies it if it can.
  add(planner) { this.addToGraph(); planner.incrementalAdd(this); return this; }
  // Tries to satisfy this constraint; returns the constraint it overrode, if any.
  satisfy(mark, planner) {
    this.chooseMethod(mark);
    if (!this.isSatisfied()) {
      if (this.strength === REQUIRED) throw new Error("could not satisfy a required constraint");
      return null;
    }
    this.markInputs(mark);
    const out = this.output();
    const overridden = out.determinedBy;
    if (overridden !== null) overridden.markUnsatisfied();
    out.determinedBy = this;
    if (!planner.addPropagate(this, mark)) throw new Error("cycle encountered");
    out.mark = mark;
    return overridden;
  }
  destroy(planner) {
    if (this.isSatisfied()) planner.incrementalRemove(this);
    else this.removeFromGraph();
  }
  isInput() { return false; }
}

class UnaryConstraint extends Constraint {
  constructor(v, strength) { super(strength); this.myOutput = v; this.satisfied = false; }
  addToGraph() { this.myOutput.addConstraint(this); this.satisfied = false; }
  chooseMethod(mark) {
    this.satisfied = this.myOutput.mark !== mark && Strength.stronger(this.strength, this.myOutput.walkStrength);
  }
  isSatisfied() { return this.satisfied; }
  markInputs(mark) {}
  output() { return this.myOutput; }
  recalculate() {
    this.myOutput.walkStrength = this.strength;
    this.myOutput.stay = !this.isInput();
    if (this.myOutput.stay) this.execute();
  }
  markUnsatisfied() { this.satisfied = false; }
  inputsKnown(mark) { return true; }
  removeFromGraph() { this.myOutput.removeConstraint(this); this.satisfied = false; }
}

class StayConstraint extends UnaryConstraint {
  execute() {}  // a stay keeps its variable's value
}

class EditConstraint extends UnaryConstraint {
  isInput() { return true; }
  execute() {}  // the value is set from outside
}

const NONE = 0, FORWARD = 1, BACKWARD = 2;

class BinaryConstraint extends Constraint {
  constructor(v1, v2, strength) { super(strength); this.v1 = v1; this.v2 = v2; this.direction = NONE; }
  chooseMethod(mark) {
    const v1 = this.v1, v2 = this.v2;
    if (v1.mark === mark) {
      this.direction = v2.mark !== mark && Strength.stronger(this.strength, v2.walkStrength) ? FORWARD : NONE;
    } else if (v2.mark === mark) {
      this.direction = v1.mark !== mark && Strength.stronger(this.strength, v1.walkStrength) ? BACKWARD : NONE;
    } else if (Strength.weaker(v1.walkStrength, v2.walkStrength)) {
      this.direction = Strength.stronger(this.strength, v1.walkStrength) ? BACKWARD : NONE;
    } else {
      this.direction = Strength.stronger(this.strength, v2.walkStrength) ? FORWARD : BACKWARD;
    }
  }
  addToGraph() { this.v1.addConstraint(this); this.v2.addConstraint(this); this.direction = NONE; }
  isSatisfied() { return this.direction !== NONE; }
  markInputs(mark) { this.input().mark = mark; }
  input() { return this.direction === FORWARD ? this.v1 : this.v2; }
  output() { return this.direction === FORWARD ? this.v2 : this.v1; }
  recalculate() {
    const input = this.input(), out = this.output();
    out.walkStrength = Strength.weakestOf(this.strength, input.walkStrength);
    out.stay = input.stay;
    if (out.stay) this.execute();
  }
  markUnsatisfied() { this.direction = NONE; }
  inputsKnown(mark) {
    const input = this.input();
    return input.mark === mark || input.stay || input.determinedBy === null;
  }
  removeFromGraph() { this.v1.removeConstraint(this); this.v2.removeConstraint(this); this.direction = NONE; }
}

// dest = src * scale + offset, in whichever direction the planner picks.
class ScaleConstraint extends BinaryConstraint {
  constructor(src, scale, offset, dest, strength) { super(src, dest, strength); this.scale = scale; this.offset = offset; }
  addToGraph() { super.addToGraph(); this.scale.addConstraint(this); this.offset.addConstraint(this); }
  removeFromGraph() { super.removeFromGraph(); this.scale.removeConstraint(this); this.offset.removeConstraint(this); }
  markInputs(mark) { super.markInputs(mark); this.scale.mark = mark; this.offset.mark = mark; }
  execute() {
    if (this.direction === FORWARD) this.v2.value = this.v1.value * this.scale.value + this.offset.value;
    else this.v1.value = (this.v2.value - this.offset.value) / this.scale.value;
  }
  recalculate() {
    const input = this.input(), out = this.output();
    out.walkStrength = Strength.weakestOf(this.strength, input.walkStrength);
    out.stay = input.stay && this.scale.stay && this.offset.stay;
    if (out.stay) this.execute();
  }
}

class EqualityConstraint extends BinaryConstraint {
  execute() { this.output().value = this.input().value; }
}

class Plan {
  constructor() { this.steps = []; }
  add(c) { this.steps.push(c); }
  execute() { for (let i = 0; i < this.steps.length; i++) this.steps[i].execute(); }
}

class Planner {
  constructor() { this.currentMark = 0; }
  newMark() { return ++this.currentMark; }
  incrementalAdd(c) {
    const mark = this.newMark();
    let overridden = c.satisfy(mark, this);
    while (overridden !== null) overridden = overridden.satisfy(mark, this);
  }
  incrementalRemove(c) {
    const out = c.output();
    c.markUnsatisfied();
    c.removeFromGraph();
    const unsatisfied = this.removePropagateFrom(out);
    for (let strength = REQUIRED; strength !== WEAKEST; strength = strength.nextWeaker()) {
      for (const u of unsatisfied) if (u.strength === strength) this.incrementalAdd(u);
    }
  }
  // A plan that recomputes every variable downstream of `sources` in order.
  makePlan(sources) {
    const mark = this.newMark();
    const plan = new Plan();
    const todo = sources;
    while (todo.length > 0) {
      const c = todo.shift();
      if (c.output().mark !== mark && c.inputsKnown(mark)) {
        plan.add(c);
        c.output().mark = mark;
        this.addConstraintsConsumingTo(c.output(), todo);
      }
    }
    return plan;
  }
  extractPlanFromConstraints(constraints) {
    const sources = [];
    for (const c of constraints) if (c.isInput() && c.isSatisfied()) sources.push(c);
    return this.makePlan(sources);
  }
  addPropagate(c, mark) {
    const todo = [c];
    while (todo.length > 0) {
      const d = todo.pop();
      if (d.output().mark === mark) { this.incrementalRemove(c); return false; }
      d.recalculate();
      this.addConstraintsConsumingTo(d.output(), todo);
    }
    return true;
  }
  removePropagateFrom(out) {
    out.determinedBy = null;
    out.walkStrength = WEAKEST;
    out.stay = true;
    const unsatisfied = [], todo = [out];
    while (todo.length > 0) {
      const v = todo.pop();
      for (const c of v.constraints) if (!c.isSatisfied()) unsatisfied.push(c);
      const determining = v.determinedBy;
      for (const next of v.constraints) {
        if (next !== determining && next.isSatisfied()) { next.recalculate(); todo.push(next.output()); }
      }
    }
    return unsatisfied;
  }
  addConstraintsConsumingTo(v, into) {
    const determining = v.determinedBy;
    for (const c of v.constraints) if (c !== determining && c.isSatisfied()) into.push(c);
  }
}

function check(condition, what) { if (!condition) throw new Error("deltablue: " + what); }

// A chain of equalities from first to last; editing first must move last.
function chainTest(n) {
  const planner = new Planner();
  let previous = null, first = null, last = null;
  for (let i = 0; i <= n; i++) {
    const v = new Variable("v" + i, 0);
    if (previous !== null) new EqualityConstraint(previous, v, REQUIRED).add(planner);
    if (i === 0) first = v;
    if (i === n) last = v;
    previous = v;
  }
  new StayConstraint(last, STRONG_DEFAULT).add(planner);
  const edit = new EditConstraint(first, PREFERRED).add(planner);
  const plan = planner.extractPlanFromConstraints([edit]);
  let sum = 0;
  for (let i = 0; i < 100; i++) {
    first.value = i;
    plan.execute();
    check(last.value === i, "chain test failed");
    sum += last.value;
  }
  edit.destroy(planner);
  return sum;
}

// n pairs dst = src * scale + offset; edits flow forward and backward.
function projectionTest(n) {
  const planner = new Planner();
  const scale = new Variable("scale", 10), offset = new Variable("offset", 1000);
  let src = null, dst = null;
  const dests = [];
  for (let i = 0; i < n; i++) {
    src = new Variable("src" + i, i);
    dst = new Variable("dst" + i, i);
    dests.push(dst);
    new StayConstraint(src, NORMAL).add(planner);
    new ScaleConstraint(src, scale, offset, dst, REQUIRED).add(planner);
  }
  function change(v, value) {
    const edit = new EditConstraint(v, PREFERRED).add(planner);
    const plan = planner.extractPlanFromConstraints([edit]);
    for (let i = 0; i < 10; i++) { v.value = value; plan.execute(); }
    edit.destroy(planner);
  }
  change(src, 17);
  check(dst.value === 1170, "projection 1 failed");
  change(dst, 1050);
  check(src.value === 5, "projection 2 failed");
  change(scale, 5);
  for (let i = 0; i < n - 1; i++) check(dests[i].value === i * 5 + 1000, "projection 3 failed");
  change(offset, 2000);
  for (let i = 0; i < n - 1; i++) check(dests[i].value === i * 5 + 2000, "projection 4 failed");
  let sum = 0;
  for (const d of dests) sum += d.value;
  return sum;
}

function benchmark() {
  let chain = 0, projection = 0;
  for (let i = 0; i < 20; i++) { chain += chainTest(100); projection += projectionTest(100); }
  return chain + "," + projection;
}
