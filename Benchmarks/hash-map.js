// hash-map: a hash map written in JavaScript (open addressing, linear probing, growth
// and tombstones) with string keys hashed by hand; charCodeAt, integer hashing,
// parallel arrays.
// iterations: 6
// checksum: 16667,133326667,3333,32768

class HashMap {
  constructor() { this.clear(8); }
  clear(capacity) {
    this.capacity = capacity;
    this.keys = new Array(capacity).fill(undefined);
    this.values = new Array(capacity).fill(undefined);
    this.size = 0;
    this.used = 0;  // live entries plus tombstones
  }
  static hash(key) {
    let h = 0x811c9dc5;
    for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
    return h >>> 0;
  }
  slot(key) {
    const mask = this.capacity - 1;
    let i = HashMap.hash(key) & mask, tombstone = -1;
    for (;;) {
      const k = this.keys[i];
      if (k === undefined) return tombstone >= 0 ? tombstone : i;
      if (k === null) { if (tombstone < 0) tombstone = i; }
      else if (k === key) return i;
      i = (i + 1) & mask;
    }
  }
  get(key) {
    const i = this.slot(key);
    return this.keys[i] === key ? this.values[i] : undefined;
  }
  has(key) { return this.keys[this.slot(key)] === key; }
  set(key, value) {
    const i = this.slot(key);
    if (this.keys[i] !== key) {
      if (this.keys[i] === undefined) this.used++;
      this.keys[i] = key;
      this.size++;
    }
    this.values[i] = value;
    if (this.used * 4 > this.capacity * 3) this.rehash(this.size * 4 > this.capacity ? this.capacity * 2 : this.capacity);
  }
  delete(key) {
    const i = this.slot(key);
    if (this.keys[i] !== key) return false;
    this.keys[i] = null;
    this.values[i] = undefined;
    this.size--;
    return true;
  }
  rehash(capacity) {
    const keys = this.keys, values = this.values;
    this.clear(capacity);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      if (k !== undefined && k !== null) this.set(k, values[i]);
    }
  }
}

function benchmark() {
  const map = new HashMap();
  const n = 20000;
  for (let i = 0; i < n; i++) map.set("key" + i, i);
  let sum = 0;
  for (let i = 0; i < n; i += 3) { map.delete("key" + i); }
  for (let i = 0; i < n; i++) {
    const v = map.get("key" + i);
    if (v !== undefined) sum += v;
  }
  for (let i = 0; i < n; i += 2) map.set("key" + i, -i);
  let hits = 0;
  for (let i = 0; i < 2 * n; i += 5) if (map.has("key" + i)) hits++;
  return map.size + "," + sum + "," + hits + "," + map.capacity;
}
