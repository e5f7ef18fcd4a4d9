// json-roundtrip: JSON.stringify a document of nested records, JSON.parse it back,
// walk the result; string escapes, numbers, arrays and objects in both directions.
// iterations: 8
// checksum: 440028,1498500,374925.00,2499

function makeDocument(count) {
  const records = [];
  for (let i = 0; i < count; i++) {
    records.push({
      id: i,
      name: "item " + i + (i % 7 === 0 ? " \"quoted\"\n" : ""),
      price: i * 0.25 + 0.1,
      tags: ["t" + (i % 5), "t" + (i % 11), i % 2 === 0 ? "even" : "odd"],
      stock: { warehouse: i % 13, shelf: [i % 3, i % 4], available: i % 6 !== 0 },
      discontinued: i % 17 === 0 ? null : false,
    });
  }
  return { version: 3, generated: "benchmark", records };
}

function benchmark() {
  const doc = makeDocument(1000);
  let length = 0, ids = 0, prices = 0, available = 0;
  for (let round = 0; round < 3; round++) {
    const text = JSON.stringify(doc);
    const back = JSON.parse(text);
    length += text.length;
    for (const r of back.records) {
      ids += r.id;
      prices += r.price;
      if (r.stock.available) available++;
    }
    if (JSON.stringify(back) !== text) throw new Error("round trip changed the document");
  }
  return length + "," + ids + "," + prices.toFixed(2) + "," + available;
}
