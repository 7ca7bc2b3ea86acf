/**
 * RCC inputs from the file system: single files (gzip aware), directories (every `*.RCC` and
 * `*.zip` inside, sorted by name) and `.zip` archives as instruments export them. The zip reader
 * walks the central directory and inflates entries with node:zlib (stored and deflate only;
 * no zip64, no encryption). Node-only.
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { DataError } from '../../core/errors.js';
import { parseRcc, type RccFile } from '../rcc/rcc.js';
import { parseRlf, type RlfCodeset } from '../rcc/rlf.js';
import { rccMsg } from '../rcc/messages.js';
import { readBytes, readText } from './files.js';

export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

const u16 = (b: Uint8Array, o: number): number => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number): number => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16)) + b[o + 3] * 0x1000000;

/** Entries of a zip archive whose names pass `keep`, decompressed. Throws DataError on damage. */
export function readZip(bytes: Uint8Array, file: string, keep: (name: string) => boolean = () => true): ZipEntry[] {
  let eocd = -1;
  for (let o = bytes.length - 22; o >= Math.max(0, bytes.length - 22 - 0xffff); o--) {
    if (u32(bytes, o) === 0x06054b50) {
      eocd = o;
      break;
    }
  }
  if (eocd < 0) throw new DataError(rccMsg.zipBad(file, 'no end-of-central-directory record; truncated?'));
  const count = u16(bytes, eocd + 10);
  let p = u32(bytes, eocd + 16);
  if (p === 0xffffffff || count === 0xffff) throw new DataError(rccMsg.zipBad(file, 'zip64 archives are not supported'));
  const out: ZipEntry[] = [];
  const decoder = new TextDecoder('utf-8');
  for (let e = 0; e < count; e++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) throw new DataError(rccMsg.zipBad(file, `bad central directory entry ${e + 1}`));
    const method = u16(bytes, p + 10);
    const compSize = u32(bytes, p + 20);
    const size = u32(bytes, p + 24);
    const nameLen = u16(bytes, p + 28);
    const skip = u16(bytes, p + 30) + u16(bytes, p + 32);
    const local = u32(bytes, p + 42);
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    p += 46 + nameLen + skip;
    if (name.endsWith('/') || !keep(name)) continue;
    if (local + 30 > bytes.length || u32(bytes, local) !== 0x04034b50) throw new DataError(rccMsg.zipBad(file, `bad local header for ${name}`));
    const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
    if (start + compSize > bytes.length) throw new DataError(rccMsg.zipBad(file, `entry ${name} is truncated`));
    const raw = bytes.subarray(start, start + compSize);
    let data: Uint8Array;
    if (method === 0) data = raw;
    else if (method === 8) {
      try {
        data = inflateRawSync(raw);
      } catch (err) {
        throw new DataError(rccMsg.zipBad(file, `entry ${name}: ${(err as Error).message}`));
      }
    } else throw new DataError(rccMsg.zipMethod(file, name, method));
    if (data.length !== size) throw new DataError(rccMsg.zipBad(file, `entry ${name} inflates to ${data.length} bytes, expected ${size}`));
    out.push({ name, data });
  }
  return out;
}

const isRcc = (name: string): boolean => /\.rcc$/i.test(name) && !/(^|\/)(__MACOSX\/|\._)/.test(name);
const isZip = (name: string): boolean => /\.zip$/i.test(name);
const decode = (b: Uint8Array): string => new TextDecoder('utf-8').decode(b);

/** A file name and its text, before parsing. */
export interface RccSource {
  file: string;
  text: string;
}

/** Expand files, directories and zips into RCC texts, in a stable order. */
export async function collectRccSources(inputs: readonly string[]): Promise<RccSource[]> {
  const out: RccSource[] = [];
  const fromZip = async (path: string): Promise<void> => {
    const entries = readZip(await readBytes(path), path, isRcc).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    if (entries.length === 0) throw new DataError(rccMsg.noRccInInput(path));
    for (const e of entries) out.push({ file: `${path}/${e.name}`, text: decode(e.data) });
  };
  for (const input of inputs) {
    const st = await fs.stat(input).catch(() => null);
    if (st?.isDirectory()) {
      const names = (await fs.readdir(input)).filter((n) => isRcc(n) || isZip(n)).sort();
      if (names.length === 0) throw new DataError(rccMsg.noRccInInput(input));
      for (const n of names) {
        if (isZip(n)) await fromZip(join(input, n));
        else out.push({ file: join(input, n), text: await readText(join(input, n)) });
      }
    } else if (isZip(input)) await fromZip(input);
    else out.push({ file: input, text: await readText(input) });
  }
  return out;
}

/** Read and parse every RCC in `inputs` (files, directories, zips). */
export async function readRccInputs(inputs: readonly string[]): Promise<RccFile[]> {
  return (await collectRccSources(inputs)).map((s) => parseRcc(s.text, { file: s.file }));
}

/** Read and parse an RLF file. */
export async function readRlfFile(path: string): Promise<RlfCodeset> {
  return parseRlf(await readText(path), { file: path });
}
