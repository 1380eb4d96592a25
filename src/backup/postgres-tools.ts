import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Where pg_dump and pg_restore are: the folder given (PG_BIN_DIR), else the newest Debian PostgreSQL installation,
 * else the PATH. pg_dump must be at least the server's major version.
 */
export function postgresTool(name: 'pg_dump' | 'pg_restore', binDir?: string): string {
  if (binDir) return join(binDir, name);
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian).filter((v) => existsSync(join(debian, v, 'bin', name)));
    versions.sort((a, b) => Number(b) - Number(a));
    if (versions.length) return join(debian, versions[0], 'bin', name);
  }
  return name;
}

/** Runs a PostgreSQL client tool; its stderr becomes the error's message. */
export async function runTool(tool: string, args: string[]): Promise<void> {
  try {
    await run(tool, args, { maxBuffer: 16 * 1024 * 1024 });
  } catch (err) {
    const e = err as { stderr?: string; message: string };
    throw new Error(`${tool} failed: ${(e.stderr ?? '').trim() || e.message}`, { cause: err });
  }
}
