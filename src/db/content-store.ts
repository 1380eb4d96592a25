import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { chmod, copyFile, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';

/**
 * Content-addressed file archive under DATA_DIR: a file is stored once under its SHA-256
 * (`<area>/<aa>/<sha256><ext>`), written to a temporary name and renamed, so a crash never leaves half a file.
 * Files are readable by the owner only (0600, folders 0700): they hold evidence and complainants' records.
 */
export interface ContentStore {
  readonly root: string;
  put(area: string, content: Buffer, ext?: string): Promise<{ path: string; sha256: string; size: number }>;
  /** Moves a file already on disk (an upload) into the archive, hashing it as a stream; the source is gone after. */
  putFile(area: string, source: string, ext?: string): Promise<{ path: string; sha256: string; size: number }>;
  read(path: string): Promise<Buffer>;
  /** Re-hashes a stored file; false when it is missing or its content no longer matches. */
  verify(path: string, sha256: string): Promise<boolean>;
}

export const sha256Hex = (content: Buffer | string) => createHash('sha256').update(content).digest('hex');

export const FILE_MODE = 0o600;
export const DIR_MODE = 0o700;

async function hashFile(path: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), size };
}

export function createContentStore(root: string): ContentStore {
  const absRoot = resolve(root);
  const locate = (path: string) => {
    const full = resolve(absRoot, path);
    if (!full.startsWith(absRoot + sep)) throw new Error(`path outside the archive: ${path}`);
    return full;
  };
  const exists = (full: string) => stat(full).then(() => true, () => false);
  const target = (area: string, sha256: string, ext: string) => {
    if (!/^[a-z-]+$/.test(area)) throw new Error(`bad archive area: ${area}`);
    if (ext && !/^\.[a-z0-9]{1,8}$/.test(ext)) throw new Error(`bad file extension: ${ext}`);
    const path = join(area, sha256.slice(0, 2), `${sha256}${ext}`);
    return { path, full: locate(path) };
  };
  return {
    root: absRoot,
    async put(area, content, ext = '') {
      const sha256 = sha256Hex(content);
      const { path, full } = target(area, sha256, ext);
      if (!(await exists(full))) {
        await mkdir(dirname(full), { recursive: true, mode: DIR_MODE });
        const tmp = `${full}.${process.pid}.${Date.now()}.tmp`;
        await writeFile(tmp, content, { mode: FILE_MODE });
        await rename(tmp, full);
      }
      return { path, sha256, size: content.length };
    },
    async putFile(area, source, ext = '') {
      const { sha256, size } = await hashFile(source);
      const { path, full } = target(area, sha256, ext);
      if (await exists(full)) {
        await rm(source, { force: true });
      } else {
        await mkdir(dirname(full), { recursive: true, mode: DIR_MODE });
        await chmod(source, FILE_MODE);
        // an upload folder on another file system cannot be renamed from: copy, then remove
        await rename(source, full).catch(async (err: NodeJS.ErrnoException) => {
          if (err.code !== 'EXDEV') throw err;
          await copyFile(source, full);
          await rm(source, { force: true });
        });
      }
      return { path, sha256, size };
    },
    read: (path) => readFile(locate(path)),
    async verify(path, sha256) {
      const content = await readFile(locate(path)).catch(() => undefined);
      return content !== undefined && sha256Hex(content) === sha256;
    },
  };
}
