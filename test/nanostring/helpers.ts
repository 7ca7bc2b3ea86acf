/** Paths to the shared NanoString data and small builders of synthetic RCC text. */
import { existsSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const sharedNano = resolve(here, '../../../shared/data/nanostring');
export const qcproRcc = join(sharedNano, 'nanostringqcpro/RCC');
export const qcproRlf = join(sharedNano, 'nanostringqcpro/RLF/NQCP_example.rlf');
export const qcproCsv = join(sharedNano, 'nanostringqcpro/nSolver/RCC_collector_tool_export.csv');
export const gseDir = join(sharedNano, 'nacho_GSE74821');
export const plexDir = join(sharedNano, 'nacho_plexset');
export const conformanceDir = resolve(here, '../conformance/nanostring');
export const hasShared = existsSync(qcproRcc);
if (!hasShared) console.warn(`NanoString tests skipped: ${sharedNano} is absent`);

/** Read a TSV written by the fixture script: header + rows, first column as key. */
export function readTsv(text: string): { header: string[]; rows: string[][] } {
  const lines = text.trim().split('\n').map((l) => l.split('\t'));
  return { header: lines[0], rows: lines.slice(1) };
}

export interface SynthLane {
  id: string;
  pos?: number[];
  neg?: number[];
  hk?: number[];
  endo?: number[];
  fov?: [number, number];
  binding?: number;
  rlf?: string;
  /** Extra Code_Summary rows, e.g. `Binding,BS1,b1,3`. */
  extra?: string[];
}

/** A minimal, valid RCC text (FileVersion 1.7) with standard POS_A…F, 4 negatives, 2 HK, 3 endogenous. */
export function synthRcc(l: SynthLane): string {
  const pos = l.pos ?? [10000, 2500, 620, 160, 40, 10];
  const neg = l.neg ?? [5, 8, 6, 7];
  const hk = l.hk ?? [500, 800];
  const endo = l.endo ?? [100, 2000, 3];
  const [fc, fd] = l.fov ?? [280, 280];
  const rows = [
    ...pos.map((c, i) => `Positive,POS_${'ABCDEF'[i]},ERCC_${i},${c}`),
    ...neg.map((c, i) => `Negative,NEG_${'ABCD'[i]},ERCCN_${i},${c}`),
    ...hk.map((c, i) => `Housekeeping,HK${i + 1},NM_H${i},${c}`),
    ...endo.map((c, i) => `Endogenous,GENE${i + 1},NM_E${i},${c}`),
    ...(l.extra ?? []),
  ];
  return [
    '<Header>', 'FileVersion,1.7', 'SoftwareVersion,4.0.0.3', '</Header>', '',
    '<Sample_Attributes>', `ID,${l.id}`, 'Owner,t', 'Comments,', 'Date,20240101', `GeneRLF,${l.rlf ?? 'SYN'}`, '</Sample_Attributes>', '',
    '<Lane_Attributes>', 'ID,1', `FovCount,${fc}`, `FovCounted,${fd}`, 'ScannerID,S1', 'StagePosition,1', `BindingDensity,${l.binding ?? 0.8}`, 'CartridgeID,C1', '</Lane_Attributes>', '',
    '<Code_Summary>', 'CodeClass,Name,Accession,Count', ...rows, '</Code_Summary>', '', '<Messages>', '</Messages>', '',
  ].join('\r\n');
}

/** A zip archive (deflate, or stored when `store`) of the given entries, for reader tests. */
export function makeZip(entries: { name: string; data: Uint8Array }[], store = false): Uint8Array {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const body = store ? Buffer.from(e.data) : deflateRawSync(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(store ? 0 : 8, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(store ? 0 : 8, 10);
    cd.writeUInt32LE(body.length, 20);
    cd.writeUInt32LE(e.data.length, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    parts.push(local, name, body);
    central.push(cd, name);
    offset += 30 + name.length + body.length;
  }
  const cdBuf = Buffer.concat(central);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cdBuf.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, cdBuf, eocd]));
}
