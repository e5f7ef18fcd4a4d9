// Date: construction, UTC and local fields, setters, ISO parsing and formats. The tests run with TZ=UTC.
const d = new Date(Date.UTC(2024, 1, 29, 13, 5, 9, 7));
console.log(d.getTime(), d.toISOString(), JSON.stringify({d}), d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCDay(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds());
console.log(d.toUTCString(), String(d), d.toDateString(), d.toTimeString(), d.toLocaleString(), d.toLocaleDateString(), d.toLocaleTimeString());
console.log(d.getFullYear(), d.getMonth(), d.getDate(), d.getDay(), d.getHours(), d.getTimezoneOffset());
console.log(d, [d], new Date(NaN), String(new Date(NaN)), new Date(8.64e15 + 1).getTime());
for (const s of ["2024-03-01", "2024-03", "2024", "2024-03-01T10:20:30Z", "2024-03-01T10:20:30.5+02:00", "+012345-01-01T00:00:00Z", "-000001-01-01T00:00:00Z", "2024-13-01", "nonsense", "2024-02-30T24:00:00Z", "2024-01-01T24:00:00Z"]) console.log(s, Date.parse(s));
const e = new Date(2020, 0, 31); e.setMonth(1); console.log(e.toISOString()); e.setDate(0); console.log(e.toISOString());
e.setFullYear(2021, 5, 15); e.setHours(25, 61, 61, 1001); console.log(e.toISOString(), e.setUTCMilliseconds(5), e.setTime(0), e.toISOString());
console.log(new Date(0) - new Date(1000), new Date(5) + 1 === String(new Date(5)) + "1", typeof Date(), new Date(1e12).valueOf(), +new Date(2000, 0));
console.log(new Date(99, 0).getFullYear(), new Date(d).getTime() === d.getTime(), new Date("2024-03-01").getTime(), Date.UTC(2020), Date.UTC());
class MyDate extends Date { year() { return this.getUTCFullYear(); } } console.log(new MyDate(0).year(), new MyDate(0) instanceof Date);
try { Date.prototype.getTime.call({}); } catch (err) { console.log(err.message); }
try { new Date(NaN).toISOString(); } catch (err) { console.log(err.name, err.message); }
console.log(new Date(-1).toISOString(), new Date(-62198755200000).toISOString(), d[Symbol.toPrimitive]("number"), d[Symbol.toPrimitive]("default") === String(d));

// Expected output (checked against Node v20.20.2):
// expect: 1709211909007 2024-02-29T13:05:09.007Z {"d":"2024-02-29T13:05:09.007Z"} 2024 1 29 4 13 5 9 7
// expect: Thu, 29 Feb 2024 13:05:09 GMT Thu Feb 29 2024 13:05:09 GMT+0000 (Coordinated Universal Time) Thu Feb 29 2024 13:05:09 GMT+0000 (Coordinated Universal Time) 2/29/2024, 1:05:09 PM 2/29/2024 1:05:09 PM
// expect: 2024 1 29 4 13 0
// expect: 2024-02-29T13:05:09.007Z [ 2024-02-29T13:05:09.007Z ] Invalid Date Invalid Date NaN
// expect: 2024-03-01 1709251200000
// expect: 2024-03 1709251200000
// expect: 2024 1704067200000
// expect: 2024-03-01T10:20:30Z 1709288430000
// expect: 2024-03-01T10:20:30.5+02:00 1709281230500
// expect: +012345-01-01T00:00:00Z 327403382400000
// expect: -000001-01-01T00:00:00Z -62198755200000
// expect: 2024-13-01 NaN
// expect: nonsense NaN
// expect: 2024-02-30T24:00:00Z 1709337600000
// expect: 2024-01-01T24:00:00Z 1704153600000
// expect: 2020-03-02T00:00:00.000Z
// expect: 2020-02-29T00:00:00.000Z
// expect: 2021-06-16T02:02:02.001Z 1623808922005 0 1970-01-01T00:00:00.000Z
// expect: -1000 true string 1000000000000 946684800000
// expect: 1999 true 1709251200000 1577836800000 NaN
// expect: 1970 true
// expect: this is not a Date object.
// expect: RangeError Invalid time value
// expect: 1969-12-31T23:59:59.999Z -000001-01-01T00:00:00.000Z 1709211909007 true
