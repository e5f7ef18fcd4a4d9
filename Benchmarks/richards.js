// richards: an operating-system task scheduler in the style of Martin Richards'
// benchmark: an idle task, a worker, two packet handlers and two devices pass
// packets through queues; object fields, virtual calls through a task field,
// linked lists and bit flags.
// iterations: 15
// checksum: 2322,928

const ID_IDLE = 0, ID_WORKER = 1, ID_HANDLER_A = 2, ID_HANDLER_B = 3, ID_DEVICE_A = 4, ID_DEVICE_B = 5;
const TASK_COUNT = 6;
const KIND_DEVICE = 0, KIND_WORK = 1;
const DATA_SIZE = 4;

// Task states are bit sets: a packet is waiting (1), the task is suspended (2), held (4).
const PACKET_PENDING = 1, SUSPENDED = 2, HELD = 4;

class Packet {
  constructor(link, id, kind) {
    this.link = link; this.id = id; this.kind = kind;
    this.a1 = 0;
    this.a2 = new Array(DATA_SIZE).fill(0);
  }
  // Appends this packet to the end of `queue`, returning the new head.
  appendTo(queue) {
    this.link = null;
    if (queue === null) return this;
    let next = queue;
    while (next.link !== null) next = next.link;
    next.link = this;
    return queue;
  }
}

class TaskControlBlock {
  constructor(link, id, priority, queue, task) {
    this.link = link; this.id = id; this.priority = priority; this.queue = queue; this.task = task;
    this.state = queue === null ? SUSPENDED : SUSPENDED | PACKET_PENDING;
  }
  isHeldOrSuspended() { return (this.state & HELD) !== 0 || this.state === SUSPENDED; }
  markRunnable() { this.state |= PACKET_PENDING; }
  markSuspended() { this.state |= SUSPENDED; }
  markHeld() { this.state |= HELD; }
  markNotHeld() { this.state &= ~HELD; }
  run() {
    let packet = null;
    if (this.state === (SUSPENDED | PACKET_PENDING)) {
      packet = this.queue;
      this.queue = packet.link;
      this.state = this.queue === null ? 0 : PACKET_PENDING;
    }
    return this.task.run(packet);
  }
  // Queues `packet` for this task; returns the task to run next.
  checkPriorityAdd(current, packet) {
    if (this.queue === null) {
      this.queue = packet;
      this.markRunnable();
      if (this.priority > current.priority) return this;
    } else {
      this.queue = packet.appendTo(this.queue);
    }
    return current;
  }
}

class Scheduler {
  constructor() {
    this.queueCount = 0; this.holdCount = 0;
    this.blocks = new Array(TASK_COUNT).fill(null);
    this.list = null; this.current = null; this.currentId = 0;
  }
  addTask(id, priority, queue, task, running) {
    this.current = new TaskControlBlock(this.list, id, priority, queue, task);
    this.list = this.current;
    this.blocks[id] = this.current;
    if (running) this.current.state = 0;
  }
  schedule() {
    this.current = this.list;
    while (this.current !== null) {
      if (this.current.isHeldOrSuspended()) {
        this.current = this.current.link;
      } else {
        this.currentId = this.current.id;
        this.current = this.current.run();
      }
    }
  }
  release(id) {
    const block = this.blocks[id];
    if (block === null) return block;
    block.markNotHeld();
    return block.priority > this.current.priority ? block : this.current;
  }
  holdCurrent() {
    this.holdCount++;
    this.current.markHeld();
    return this.current.link;
  }
  suspendCurrent() {
    this.current.markSuspended();
    return this.current;
  }
  queue(packet) {
    const target = this.blocks[packet.id];
    if (target === null) return target;
    this.queueCount++;
    packet.link = null;
    packet.id = this.currentId;
    return target.checkPriorityAdd(this.current, packet);
  }
}

class IdleTask {
  constructor(scheduler, seed, count) { this.scheduler = scheduler; this.seed = seed; this.count = count; }
  run(packet) {
    if (--this.count === 0) return this.scheduler.holdCurrent();
    if ((this.seed & 1) === 0) {
      this.seed >>= 1;
      return this.scheduler.release(ID_DEVICE_A);
    }
    this.seed = (this.seed >> 1) ^ 0xD008;
    return this.scheduler.release(ID_DEVICE_B);
  }
}

class DeviceTask {
  constructor(scheduler) { this.scheduler = scheduler; this.pending = null; }
  run(packet) {
    if (packet === null) {
      if (this.pending === null) return this.scheduler.suspendCurrent();
      const waiting = this.pending;
      this.pending = null;
      return this.scheduler.queue(waiting);
    }
    this.pending = packet;
    return this.scheduler.holdCurrent();
  }
}

class WorkerTask {
  constructor(scheduler, destination, count) { this.scheduler = scheduler; this.destination = destination; this.count = count; }
  run(packet) {
    if (packet === null) return this.scheduler.suspendCurrent();
    this.destination = this.destination === ID_HANDLER_A ? ID_HANDLER_B : ID_HANDLER_A;
    packet.id = this.destination;
    packet.a1 = 0;
    for (let i = 0; i < DATA_SIZE; i++) {
      if (++this.count > 26) this.count = 1;
      packet.a2[i] = this.count;
    }
    return this.scheduler.queue(packet);
  }
}

class HandlerTask {
  constructor(scheduler) { this.scheduler = scheduler; this.work = null; this.devices = null; }
  run(packet) {
    if (packet !== null) {
      if (packet.kind === KIND_WORK) this.work = packet.appendTo(this.work);
      else this.devices = packet.appendTo(this.devices);
    }
    if (this.work !== null) {
      const work = this.work;
      const index = work.a1;
      if (index < DATA_SIZE) {
        if (this.devices !== null) {
          const device = this.devices;
          this.devices = device.link;
          device.a1 = work.a2[index];
          work.a1 = index + 1;
          return this.scheduler.queue(device);
        }
      } else {
        this.work = work.link;
        return this.scheduler.queue(work);
      }
    }
    return this.scheduler.suspendCurrent();
  }
}

function runRichards(count) {
  const s = new Scheduler();
  s.addTask(ID_IDLE, 0, null, new IdleTask(s, 1, count), true);

  let queue = new Packet(null, ID_WORKER, KIND_WORK);
  queue = new Packet(queue, ID_WORKER, KIND_WORK);
  s.addTask(ID_WORKER, 1000, queue, new WorkerTask(s, ID_HANDLER_A, 0), false);

  queue = new Packet(null, ID_DEVICE_A, KIND_DEVICE);
  queue = new Packet(queue, ID_DEVICE_A, KIND_DEVICE);
  queue = new Packet(queue, ID_DEVICE_A, KIND_DEVICE);
  s.addTask(ID_HANDLER_A, 2000, queue, new HandlerTask(s), false);

  queue = new Packet(null, ID_DEVICE_B, KIND_DEVICE);
  queue = new Packet(queue, ID_DEVICE_B, KIND_DEVICE);
  queue = new Packet(queue, ID_DEVICE_B, KIND_DEVICE);
  s.addTask(ID_HANDLER_B, 3000, queue, new HandlerTask(s), false);

  s.addTask(ID_DEVICE_A, 4000, null, new DeviceTask(s), false);
  s.addTask(ID_DEVICE_B, 5000, null, new DeviceTask(s), false);
  s.schedule();
  return s.queueCount + "," + s.holdCount;
}

function benchmark() {
  let result = "";
  for (let i = 0; i < 20; i++) result = runRichards(1000);
  return result;
}
