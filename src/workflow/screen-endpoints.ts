/**
 * Endpoint specifications of the biomarker screen, parsed from `name=binary:column[op value]`
 * or `name=survival:time_column,event_column`, and evaluated on a SampleTable.
 * Binary endpoints: a 0/1 numeric or boolean column as is; with a comparison (`>=`, `>`, `<=`,
 * `<`, `==`, `!=`) each non-missing value becomes 1 when the comparison holds, else 0
 * (`==`/`!=` also compare category labels, e.g. `response==R`).
 */
import type { SampleTable, Column } from '../core/sample-table.js';
import { UsageError, DataError } from '../core/errors.js';
import { screenMsg } from './messages.js';

export type ComparisonOp = '>=' | '>' | '<=' | '<' | '==' | '!=';

export type EndpointSpec =
  | { name: string; kind: 'binary'; column: string; op?: ComparisonOp; value?: string }
  | { name: string; kind: 'survival'; time: string; event: string };

const OPS: ComparisonOp[] = ['>=', '<=', '==', '!=', '>', '<'];

/** Parse `name=binary:col`, `name=binary:col>=3`, `name=survival:time,event`. */
export function parseEndpoint(text: string): EndpointSpec {
  const m = /^([^=]+)=(binary|survival):(.+)$/.exec(text.trim());
  if (!m) throw new UsageError(screenMsg.badEndpoint(text));
  const [, name, kind, rest] = m;
  if (kind === 'survival') {
    const parts = rest.split(',').map((s) => s.trim());
    if (parts.length !== 2 || !parts[0] || !parts[1]) throw new UsageError(screenMsg.badEndpoint(text));
    return { name: name.trim(), kind: 'survival', time: parts[0], event: parts[1] };
  }
  for (const op of OPS) {
    const k = rest.indexOf(op);
    if (k > 0) {
      const value = rest.slice(k + op.length).trim();
      if (!value) throw new UsageError(screenMsg.badEndpoint(text));
      return { name: name.trim(), kind: 'binary', column: rest.slice(0, k).trim(), op, value };
    }
  }
  return { name: name.trim(), kind: 'binary', column: rest.trim() };
}

/** Columns an endpoint reads. */
export const endpointColumns = (e: EndpointSpec): string[] => (e.kind === 'binary' ? [e.column] : [e.time, e.event]);

function getColumn(table: SampleTable, name: string): Column {
  const c = table.columns.get(name);
  if (!c) throw new DataError(screenMsg.noColumn(name, [...table.columns.keys()]));
  return c;
}

function compare(a: number, op: ComparisonOp, b: number): boolean {
  switch (op) {
    case '>=': return a >= b;
    case '>': return a > b;
    case '<=': return a <= b;
    case '<': return a < b;
    case '==': return a === b;
    case '!=': return a !== b;
  }
}

/** 0/1/NaN outcome of a binary endpoint for every row of the table. */
export function binaryOutcome(table: SampleTable, e: Extract<EndpointSpec, { kind: 'binary' }>): Float64Array {
  const col = getColumn(table, e.column);
  const n = table.ids.length;
  const out = new Float64Array(n).fill(NaN);
  if (col.kind === 'numeric') {
    const v = col.values;
    if (e.op) {
      const b = Number(e.value);
      if (Number.isNaN(b)) throw new UsageError(screenMsg.badEndpointValue(e.name, e.value ?? ''));
      for (let i = 0; i < n; i++) if (!Number.isNaN(v[i])) out[i] = compare(v[i], e.op, b) ? 1 : 0;
    } else {
      for (let i = 0; i < n; i++) {
        if (Number.isNaN(v[i])) continue;
        if (v[i] !== 0 && v[i] !== 1) throw new DataError(screenMsg.notBinary(e.name, e.column, v[i]));
        out[i] = v[i];
      }
    }
    return out;
  }
  if (e.op) {
    if (e.op !== '==' && e.op !== '!=') throw new UsageError(screenMsg.badEndpointValue(e.name, `${e.op}${e.value}`));
    for (let i = 0; i < n; i++) {
      const c = col.codes[i];
      if (c < 0) continue;
      const eq = col.levels[c] === e.value;
      out[i] = (e.op === '==' ? eq : !eq) ? 1 : 0;
    }
    return out;
  }
  if (col.kind === 'boolean') {
    for (let i = 0; i < n; i++) if (col.codes[i] >= 0) out[i] = col.levels[col.codes[i]].toUpperCase().startsWith('T') ? 1 : 0;
    return out;
  }
  throw new UsageError(screenMsg.categoricalNeedsValue(e.name, e.column, col.levels));
}

/** Time and 0/1 event of a survival endpoint (event: 0/1, 1/2 or boolean). */
export function survivalOutcome(table: SampleTable, e: Extract<EndpointSpec, { kind: 'survival' }>): { time: Float64Array; event: Float64Array } {
  const tc = getColumn(table, e.time);
  const ec = getColumn(table, e.event);
  if (tc.kind !== 'numeric') throw new DataError(screenMsg.notNumeric(e.time));
  const n = table.ids.length;
  const time = tc.values;
  const event = new Float64Array(n).fill(NaN);
  if (ec.kind === 'numeric') {
    let hasTwo = false;
    for (let i = 0; i < n; i++) if (ec.values[i] === 2) hasTwo = true;
    for (let i = 0; i < n; i++) {
      const v = ec.values[i];
      if (Number.isNaN(v)) continue;
      const ok = hasTwo ? v === 1 || v === 2 : v === 0 || v === 1;
      if (!ok) throw new DataError(screenMsg.badEvent(e.event, v));
      event[i] = hasTwo ? v - 1 : v;
    }
  } else {
    for (let i = 0; i < n; i++) if (ec.codes[i] >= 0) event[i] = /^(t|true|1|yes|event|dead|progressed)$/i.test(ec.levels[ec.codes[i]]) ? 1 : 0;
  }
  for (let i = 0; i < n; i++) if (!(time[i] > 0) && !Number.isNaN(time[i])) throw new DataError(screenMsg.badTime(e.time, table.ids[i], time[i]));
  return { time, event };
}
