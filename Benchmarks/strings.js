// strings: string building (concatenation, templates, join), indexing, searching,
// slicing, case mapping and splitting; an object used as a dictionary of words.
// iterations: 8
// checksum: 3846,9990000,10000,97,206,201,25,394619

function benchmark() {
  let s = "";
  for (let i = 0; i < 100000; i++) s += String.fromCharCode(97 + i % 26);
  let es = 0;
  for (let i = 0; i < s.length; i++) if (s[i] === "e") es++;

  const lines = [];
  for (let i = 0; i < 20000; i++) lines.push(`${i},name${i % 97},${(i * 7) % 1000},${i % 2 === 0 ? "yes" : "no"}`);
  const csv = lines.join("\n");

  let total = 0, yes = 0;
  const counts = {};
  for (const line of csv.split("\n")) {
    const fields = line.split(",");
    total += Number(fields[2]);
    if (fields[3] === "yes") yes++;
    const name = fields[1].toUpperCase();
    counts[name] = (counts[name] || 0) + 1;
  }

  let found = 0, from = 0;
  for (;;) { const at = csv.indexOf("name42,", from); if (at < 0) break; found++; from = at + 1; }
  const words = s.slice(0, 5200).split("z").map(w => w.charAt(0).toUpperCase() + w.slice(1).trim());
  return [es, total, yes, Object.keys(counts).length, found, words.length, words[3].length, csv.length].join(",");
}
