/**
 * Read the text of an analysis config (JSON or YAML 1.2) into plain values while keeping the
 * position of every node, so validation can name `file:line:column`. JSON files are first checked
 * with the strict JSON grammar; both formats are then read by the `yaml` package (JSON is valid
 * YAML 1.2), whose nodes carry source ranges. O(size of the text).
 */
import { LineCounter, isMap, isNode, isScalar, parseDocument, type Document } from 'yaml';
import { UsageError } from '../../core/errors.js';
import { analyzeMsg } from './messages.js';

export type ConfigFormat = 'json' | 'yaml';

/** A parsed config: its plain value and a function giving `file:line:column` of a node. */
export interface ConfigSource {
  value: unknown;
  format: ConfigFormat;
  /** `file:line:column` of the node at `path` (or of its nearest existing ancestor). */
  where(path: readonly (string | number)[]): string;
  /** `file:line:column` of the key of the mapping entry at `path` (falls back to `where`). */
  whereKey(path: readonly (string | number)[]): string;
}

/** `json` for `.json` files, `yaml` for `.yaml`/`.yml`; other names are read as YAML (a superset). */
export function configFormat(file: string): ConfigFormat {
  return /\.json$/i.test(file) ? 'json' : 'yaml';
}

/** Throws when `text` is not strict JSON, at the position JSON.parse reports (`counter` knows the line starts). */
function strictJson(text: string, file: string, counter: LineCounter): void {
  try {
    JSON.parse(text);
  } catch (e) {
    const msg = (e as Error).message;
    const m = /position (\d+)/.exec(msg);
    const at = counter.linePos(m ? Number(m[1]) : text.length);
    throw new UsageError(analyzeMsg.notJson(`${file}:${at.line}:${at.col}`, msg.replace(/\s*\n[\s\S]*$/, '')));
  }
}

/** Parse config text; syntax errors throw `UsageError` naming `file:line:column`. */
export function readConfigSource(text: string, file: string, format: ConfigFormat = configFormat(file)): ConfigSource {
  const counter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  if (format === 'json') strictJson(text, file, counter);
  const err = doc.errors[0];
  if (err) {
    const at = counter.linePos(err.pos[0]);
    throw new UsageError(analyzeMsg.notYaml(`${file}:${at.line}:${at.col}`, err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')));
  }
  const at = (offset: number): string => {
    const p = counter.linePos(offset);
    return `${file}:${p.line}:${p.col}`;
  };
  return {
    value: doc.toJS({ maxAliasCount: 100 }),
    format,
    where(path) {
      for (let k = path.length; k >= 0; k--) {
        const node = k === 0 ? doc.contents : doc.getIn(path.slice(0, k), true);
        if (isNode(node) && node.range) return at(node.range[0]);
      }
      return `${file}:1:1`;
    },
    whereKey(path) {
      const parent = path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents;
      if (isMap(parent)) {
        const pair = parent.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === path[path.length - 1]);
        if (pair && isNode(pair.key) && pair.key.range) return at(pair.key.range[0]);
      }
      return this.where(path);
    },
  };
}
