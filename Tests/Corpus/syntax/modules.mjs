import "side-effect";
import def from "./a.js";
import * as ns from "./b.js";
import { x, y as why, default as d2, "string name" as sn } from "./c.js";
import def2, { z } from "./d.js";
import def3, * as ns2 from "./e.js";
import json from "./data.json" with { type: "json" };
export var v1 = 1, v2 = 2;
export let l1 = 1;
export const c1 = 1, { c2, c3: [c4] } = {};
export function fn() {}
export async function afn() {}
export function* gfn() {}
export class Cls {}
export { x as ex, why, d2 as "string export" };
export { a as b } from "./f.js";
export { default as gDefault } from "./g.js";
export { "s" as t } from "./h.js";
export * from "./i.js";
export * as nsx from "./j.js";
export * as "ns string" from "./k.js";
export default class {}
const meta = import.meta.url;
const later = await import("./l.js");
const withOptions = import("./m.js", { with: { type: "json" } });
await Promise.resolve(1);
for await (const chunk of stream) {}
