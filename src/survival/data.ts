/**
 * Survival data from a time column and an event column. Event codings: `0/1` (0 censored,
 * 1 event), `1/2` (1 censored, 2 event, as R's `Surv` and the `lung` data), `TRUE/FALSE`, or any
 * pair of named levels `censored/event` (e.g. `alive/dead`). `auto` (default) recognises
 * {0,1}, {1,2} and TRUE/FALSE. Times must be ≥ 0. Subjects with a missing time or event
 * (null, NaN, "", "NA") are dropped and counted.
 */
import { DataError, UsageError } from '../core/errors.js';
import { survivalMsg } from './messages.js';

export type EventValue = number | string | boolean | null | undefined;

export interface SurvivalDataOptions {
  /** `auto` (default), `0/1`, `1/2`, `TRUE/FALSE` or `<censored>/<event>` level names. */
  eventCode?: string;
}

export interface SurvivalData {
  time: Float64Array;
  /** 1 = event, 0 = censored. */
  event: Uint8Array;
  /** Position of each kept subject in the input. */
  index: Int32Array;
  /** Number of subjects dropped for a missing time or event. */
  dropped: number;
  /** The coding that was applied, as `censored/event`. */
  eventCode: string;
}

const isMissing = (v: EventValue): boolean =>
  v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v)) || v === '' || v === 'NA';

function keyOf(v: EventValue): string {
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return String(v);
  const s = String(v).trim();
  if (s === 'T' || s.toLowerCase() === 'true') return 'TRUE';
  if (s === 'F' || s.toLowerCase() === 'false') return 'FALSE';
  const num = Number(s);
  return s !== '' && Number.isFinite(num) ? String(num) : s;
}

/** Resolve the coding to a [censored, event] pair of keys. */
export function resolveEventCode(values: readonly string[], eventCode = 'auto'): [string, string] {
  if (eventCode !== 'auto') {
    const parts = eventCode.split('/');
    if (parts.length !== 2 || !parts[0] || !parts[1]) throw new UsageError(survivalMsg.badEventCoding(eventCode));
    return [keyOf(parts[0]), keyOf(parts[1])];
  }
  const set = new Set(values);
  const within = (a: string[]): boolean => [...set].every((v) => a.includes(v));
  if (within(['0', '1'])) return ['0', '1'];
  if (within(['1', '2'])) return ['1', '2'];
  if (within(['FALSE', 'TRUE'])) return ['FALSE', 'TRUE'];
  throw new DataError(survivalMsg.badEventCoding([...set].slice(0, 6).join(', ')));
}

/** Event indicators (1/0, NaN for missing) from coded values. */
export function codeEvents(event: ArrayLike<EventValue>, eventCode = 'auto'): { event: Float64Array; code: string } {
  const keys: (string | null)[] = new Array(event.length);
  const seen: string[] = [];
  for (let i = 0; i < event.length; i++) {
    keys[i] = isMissing(event[i]) ? null : keyOf(event[i]);
    if (keys[i] !== null && !seen.includes(keys[i]!)) seen.push(keys[i]!);
  }
  const [cens, ev] = resolveEventCode(seen, eventCode);
  const out = new Float64Array(event.length);
  for (let i = 0; i < event.length; i++) {
    const k = keys[i];
    if (k === null) out[i] = NaN;
    else if (k === ev) out[i] = 1;
    else if (k === cens) out[i] = 0;
    else throw new DataError(survivalMsg.badEventCode(k, `${cens}/${ev}`));
  }
  return { event: out, code: `${cens}/${ev}` };
}

/** Build survival data; see the module comment for codings and missing values. O(n). */
export function survivalData(
  time: ArrayLike<number | null | undefined>,
  event: ArrayLike<EventValue>,
  options: SurvivalDataOptions = {},
): SurvivalData {
  if (event.length !== time.length) throw new DataError(survivalMsg.lengthMismatch('event', event.length, time.length));
  const { event: ev, code } = codeEvents(event, options.eventCode ?? 'auto');
  const idx: number[] = [];
  for (let i = 0; i < time.length; i++) {
    const t = time[i];
    if (t === null || t === undefined || Number.isNaN(t) || Number.isNaN(ev[i])) continue;
    if (t < 0) throw new DataError(survivalMsg.negativeTime(i, t));
    idx.push(i);
  }
  const n = idx.length;
  const out: SurvivalData = {
    time: new Float64Array(n),
    event: new Uint8Array(n),
    index: Int32Array.from(idx),
    dropped: time.length - n,
    eventCode: code,
  };
  for (let j = 0; j < n; j++) {
    out.time[j] = time[idx[j]] as number;
    out.event[j] = ev[idx[j]];
  }
  return out;
}

/** Check two parallel arrays and return n. */
export function checkLengths(time: ArrayLike<number>, event: ArrayLike<number>, ...others: [string, { length: number } | undefined][]): number {
  const n = time.length;
  if (event.length !== n) throw new DataError(survivalMsg.lengthMismatch('event', event.length, n));
  for (const [name, a] of others) if (a && a.length !== n) throw new DataError(survivalMsg.lengthMismatch(name, a.length, n));
  for (let i = 0; i < n; i++) if (time[i] < 0) throw new DataError(survivalMsg.negativeTime(i, time[i]));
  return n;
}

/** Group labels → codes into sorted levels (numbers numerically, strings as given by `levels` or sorted). */
export function factor(
  values: ArrayLike<string | number | null | undefined>,
  levels?: readonly string[],
): { codes: Int32Array; levels: string[] } {
  const n = values.length;
  const keys: (string | null)[] = new Array(n);
  let allNumeric = true;
  const seen = new Set<string>();
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v)) || v === '' || v === 'NA') {
      keys[i] = null;
      continue;
    }
    keys[i] = String(v);
    seen.add(keys[i]!);
    if (typeof v !== 'number' && !Number.isFinite(Number(v))) allNumeric = false;
  }
  const lv = levels
    ? [...levels]
    : [...seen].sort(allNumeric ? (a, b) => Number(a) - Number(b) : (a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const pos = new Map<string, number>();
  lv.forEach((l, i) => pos.set(l, i));
  const codes = new Int32Array(n);
  for (let i = 0; i < n; i++) codes[i] = keys[i] === null ? -1 : pos.get(keys[i]!) ?? -1;
  return { codes, levels: lv };
}
