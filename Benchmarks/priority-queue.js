// priority-queue: a binary min-heap of event objects written in JavaScript, driving
// a discrete-event simulation (customers arriving at servers); comparisons through
// a method, array swaps, a deterministic random-number generator.
// iterations: 8
// checksum: 15000,44396252,73809

class Event {
  constructor(time, kind, customer) { this.time = time; this.kind = kind; this.customer = customer; }
  before(other) { return this.time < other.time || (this.time === other.time && this.customer < other.customer); }
}

class PriorityQueue {
  constructor() { this.heap = []; }
  get size() { return this.heap.length; }
  push(item) {
    const heap = this.heap;
    heap.push(item);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!heap[i].before(heap[parent])) break;
      const t = heap[i]; heap[i] = heap[parent]; heap[parent] = t;
      i = parent;
    }
  }
  pop() {
    const heap = this.heap;
    const top = heap[0], last = heap.pop();
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1, right = left + 1;
        let smallest = i;
        if (left < heap.length && heap[left].before(heap[smallest])) smallest = left;
        if (right < heap.length && heap[right].before(heap[smallest])) smallest = right;
        if (smallest === i) break;
        const t = heap[i]; heap[i] = heap[smallest]; heap[smallest] = t;
        i = smallest;
      }
    }
    return top;
  }
}

function simulate(customers, servers) {
  let seed = 12345;
  function random(limit) {
    seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
    return seed % limit;
  }
  const queue = new PriorityQueue();
  let time = 0;
  for (let c = 0; c < customers; c++) {
    time += random(10);
    queue.push(new Event(time, 0, c));
  }
  let free = servers, waiting = [], waitingHead = 0, totalWait = 0, served = 0, now = 0;
  const arrivedAt = new Array(customers).fill(0);
  while (queue.size > 0) {
    const e = queue.pop();
    now = e.time;
    if (e.kind === 0) {
      arrivedAt[e.customer] = now;
      if (free > 0) { free--; queue.push(new Event(now + 5 + random(40), 1, e.customer)); }
      else waiting.push(e.customer);
    } else {
      served++;
      if (waitingHead < waiting.length) {
        const next = waiting[waitingHead++];
        totalWait += now - arrivedAt[next];
        queue.push(new Event(now + 5 + random(40), 1, next));
      } else {
        free++;
      }
    }
  }
  return served + "," + totalWait + "," + now;
}

function benchmark() { return simulate(15000, 5); }
