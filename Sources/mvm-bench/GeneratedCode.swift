// The generated input of the parse-speed micro-benchmark.

/// Code in the style of real libraries: classes, closures, object literals,
/// destructuring, templates, regexps, loops and long expressions.
enum GeneratedCode {
    /// About `bytes` of code: blocks wrapped in functions so names don't clash.
    static func text(bytes target: Int) -> String {
        var text = ""
        text.reserveCapacity(target + 4096)
        var index = 0
        while text.utf8.count < target {
            text += "(function block\(index)() {\n" + sample(index) + "\n})();\n"
            index += 1
        }
        return text
    }

    static func sample(_ i: Int) -> String {
        """
          'use strict';
          const { map, filter: keep, reduce = Array.prototype.reduce } = helpers\(i % 7);
          class Shape\(i) extends Base {
            #id = \(i);
            static count = 0;
            constructor(width, height = 1, ...rest) {
              super(width, height);
              this.width = width; this.height = height; this.extra = rest;
              Shape\(i).count++;
            }
            get area() { return this.width * this.height + (this.#id % 3 === 0 ? 0.5 : 1.25e-3); }
            scale(factor) { return new Shape\(i)(this.width * factor, this.height * factor); }
            *[Symbol.iterator]() { yield this.width; yield this.height; }
            toString() { return `Shape\(i)(${this.width}x${this.height}) #${this.#id}`; }
          }
          function compute\(i)(items, options = {}) {
            const out = [];
            for (let k = 0; k < items.length; k++) {
              const item = items[k];
              if (item == null || typeof item !== 'object') continue;
              const key = item.name?.trim() ?? "unnamed_\(i)";
              out.push({ key, value: item.value * 2 + 0x1F - (k << 2), tags: [...(item.tags || []), 'x'] });
            }
            const total = out.map(entry => entry.value).filter(v => v > 0).reduce((a, b) => a + b, 0);
            switch (options.mode) {
              case 'fast': return total | 0;
              case 'exact': return Math.round(total * 100) / 100;
              default: break;
            }
            try { JSON.parse(options.raw || '{}'); } catch (error) { console.error(error.message); }
            return /^[a-z]+\\d*$/i.test(String(total)) ? total : -total;
          }
          const table\(i) = { alpha: 1, beta: "two", gamma: [3, 4, 5], delta: { nested: true, list: [null, undefined] },
            method() { return this.alpha + 1; }, get lazy() { return compute\(i)([]); }, [`dyn${\(i)}`]: \(i) };
          async function load\(i)(url) {
            const response = await fetch(url);
            if (!response.ok) throw new Error(`request failed: ${response.status}`);
            return (await response.json()).items.map(({ id, ...fields }) => ({ id: id ?? 0, ...fields }));
          }
          let counter = 0;
          while (counter < 10 && !done) { counter += counter % 2 ? 3 : 1; }
          module.exports = { Shape\(i), compute\(i), table\(i), load\(i) };
        """
    }
}
