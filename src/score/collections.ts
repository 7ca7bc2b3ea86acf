/**
 * The built-in signature collections (the JSON files in `signatures/`), bundled with the library
 * so they are available without a file system.
 */
import io360Public from '../../signatures/io360-public.json' with { type: 'json' };
import tmeRnaseq from '../../signatures/tme-rnaseq.json' with { type: 'json' };
import { UsageError } from '../core/errors.js';
import { scoreMsg } from './messages.js';
import { signatureCollectionFromJson } from './signature-json.js';
import type { Signature, SignatureCollection } from './signature.js';

const RAW = new Map<string, unknown>([
  ['io360-public', io360Public],
  ['tme-rnaseq', tmeRnaseq],
]);
const cache = new Map<string, SignatureCollection>();

/** Ids of the built-in collections. */
export function builtinCollectionIds(): string[] {
  return [...RAW.keys()];
}

/** A built-in collection by id; throws a UsageError naming the known ids. */
export function builtinCollection(id: string): SignatureCollection {
  let c = cache.get(id);
  if (c) return c;
  const raw = RAW.get(id);
  if (raw === undefined) throw new UsageError(scoreMsg.unknownCollection(id, builtinCollectionIds()));
  c = signatureCollectionFromJson(raw, { source: `signatures/${id}.json` });
  cache.set(id, c);
  return c;
}

/** Every built-in signature, with its collection id. */
export function builtinSignatures(): Signature[] {
  return builtinCollectionIds().flatMap((id) => builtinCollection(id).signatures);
}

/** Find a built-in signature by id (exact, then case-insensitive). */
export function findBuiltinSignature(id: string): Signature {
  const all = builtinSignatures();
  const hit = all.find((s) => s.id === id) ?? all.find((s) => s.id.toLowerCase() === id.toLowerCase());
  if (!hit) throw new UsageError(scoreMsg.unknownSignature(id, all.map((s) => s.id)));
  return hit;
}
