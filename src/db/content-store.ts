import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';

/**
 * Content-addressed file archive under DATA_DIR: a file is stored once under its SHA-256
 * (`<area>/<aa>/<sha256><ext>`), written to a temporary name and renamed, so a crash never leaves half a file.
 */
export interface ContentStore {
  readonly root: string;
  put(area: string, content: Buffer, ext?: string): Promise<{ path: string; sha256: string; size: number }>;
  read(path: string): Promise<Buffer>;
  /** Re-hashes a stored file; false when it is missing or its content no longer matches. */
  verify(path: string, sha256: string): Promise<boolean>;
}

export const sha256Hex = (content: Buffer | string) => createHash('sha256').update(content).digest('hex');

export function createContentStore(root: string): ContentStore {
  const absRoot = resolve(root);
  const locate = (path: string) => {
    const full = resolve(absRoot, path);
    if (!full.startsWith(absRoot + sep)) throw new Error(`path outside the archive: ${path}`);
    return full;
  };
  return {
    root: absRoot,
    async put(area, content, ext = '') {
      if (!/^[a-z-]+$/.test(area)) throw new Error(`bad archive area: ${area}`);
      if (ext && !/^\.[a-z0-9]{1,8}$/.test(ext)) throw new Error(`bad file extension: ${ext}`);
      const sha256 = sha256Hex(content);
      const path = join(area, sha256.slice(0, 2), `${sha256}${ext}`);
      const full = locate(path);
      const exists = await stat(full).then(() => true, () => false);
      if (!exists) {
        await mkdir(dirname(full), { recursive: true });
        const tmp = `${full}.${process.pid}.${Date.now()}.tmp`;
        await writeFile(tmp, content);
        await rename(tmp, full);
      }
      return { path, sha256, size: content.length };
    },
    read: (path) => readFile(locate(path)),
    async verify(path, sha256) {
      const content = await readFile(locate(path)).catch(() => undefined);
      return content !== undefined && sha256Hex(content) === sha256;
    },
  };
}
