import { maxstatCore } from '../../src/survival/maxstat.js';
import { fixture, dataset, numeric } from './helpers.js';
const names = ['lung','lung','veteran','ovarian','gbsg','gbsg','rotterdam'];
fixture.maxstat.forEach((c: any, k: number) => {
  const d = dataset(names[k]);
  let t = numeric(d, c.time), e = numeric(d, c.status), x = numeric(d, c.x);
  if (names[k]==='lung') e = e.map(v=>v-1);
  const keep = [...x.keys()].filter(i => !Number.isNaN(x[i]) && !Number.isNaN(t[i]));
  const r = maxstatCore(Float64Array.from(keep,i=>t[i]), Float64Array.from(keep,i=>e[i]), Float64Array.from(keep,i=>x[i]), {minprop:c.minprop,maxprop:c.maxprop,permutations:0,seed:1});
  console.log(c.x, r.cuts.length, c.cuts.length, r.cuts[0], c.cuts[0], r.cuts[r.cuts.length-1], c.cuts.at(-1), r.statistic, c.statistic, r.cutpoint, c.cutpoint, r.pLau94, c.p_lau94, r.pLau92, c.p_lau92);
});
