export default async function () { await 1; }
const local = 1;
export { local };
