import { stateBench } from "../bench/state.ts";
const t = performance.now();
const r = await stateBench({ quick: true });
console.log(r.text, "\n", ((performance.now() - t) / 1000).toFixed(1), "s");
