/**
 * File-system adapters: read bytes (gzip transparently), write atomically (temporary file +
 * rename), refuse to overwrite inputs. Node-only.
 */
import { promises as fs, statSync, realpathSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { dirname, basename, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { DataError, UsageError } from '../../core/errors.js';
import { msg } from '../../core/messages.js';

/** Read a whole file; `.gz` content (by magic bytes) is decompressed. */
export async function readBytes(path: string): Promise<Uint8Array> {
  let buf: Buffer;
  try {
    buf = await fs.readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new DataError(msg.fileMissing(path));
    if (code === 'EISDIR') throw new DataError(msg.fileIsDirectory(path));
    throw new DataError(`${path}: ${(e as Error).message}`);
  }
  if (buf.length >= 2 && buf[0] === 0x1f && buf[1] === 0x8b) {
    try {
      buf = gunzipSync(buf);
    } catch {
      throw new DataError(msg.gzipTruncated(path));
    }
  }
  if (buf.length === 0) throw new DataError(msg.fileEmpty(path));
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.length);
}

export async function readText(path: string): Promise<string> {
  return new TextDecoder('utf-8').decode(await readBytes(path));
}

function canonical(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
}

/**
 * Write `data` to `path` through a temporary file in the same directory and a rename, so an
 * interrupted run never leaves half a file. Throws a UsageError when `path` is one of `inputs`.
 */
export async function writeAtomic(
  path: string,
  data: string | Uint8Array,
  options: { inputs?: readonly string[] } = {},
): Promise<void> {
  const target = canonical(path);
  for (const input of options.inputs ?? []) {
    if (canonical(input) === target) throw new UsageError(msg.outputIsInput(path));
  }
  try {
    if (statSync(path).isDirectory()) throw new UsageError(msg.fileIsDirectory(path));
  } catch (e) {
    if (e instanceof UsageError) throw e;
  }
  const dir = dirname(resolve(path));
  await fs.mkdir(dir, { recursive: true });
  const tmp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await fs.writeFile(tmp, data);
    await fs.rename(tmp, path);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw new DataError(`${path}: cannot write: ${(e as Error).message}`);
  }
}
