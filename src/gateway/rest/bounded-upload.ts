import type { Request, RequestHandler } from 'express';
import type multer from 'multer';

/** A multipart request whose resources together exceed the deployment limit (answered 413). */
export class PayloadTooLarge extends Error {}

/** Room for the multipart framing (boundaries, part headers, the tenant field) beyond the resources themselves. */
const FRAMING_BYTES = 1024 * 1024;

const tooLarge = (limit: number, actual: string) =>
  new PayloadTooLarge(`Expected the deployment's resources to take at most ${limit} bytes together, but ${actual}`);

/**
 * Multer's memory storage with one bound on all files of a request together (multer bounds each file and the
 * number of files, not their sum): a hundred files just under the per-file limit would otherwise be held in memory
 * before the engine refuses them. Reading stops at the first byte past the bound.
 */
export function boundedMemoryStorage(maxTotalBytes: number): multer.StorageEngine {
  const received = new WeakMap<Request, number>();
  return {
    _handleFile(req, file, cb) {
      const chunks: Buffer[] = [];
      let finished = false;
      const finish = (error: Error | null, buffer?: Buffer) => {
        if (finished) return;
        finished = true;
        if (error) cb(error);
        else cb(null, { buffer, size: buffer!.length });
      };
      file.stream.on('data', (chunk: Buffer) => {
        if (finished) return;
        const total = (received.get(req) ?? 0) + chunk.length;
        received.set(req, total);
        if (total > maxTotalBytes) finish(tooLarge(maxTotalBytes, `more were sent`));
        else chunks.push(chunk);
      });
      file.stream.on('error', (error: Error) => finish(error));
      file.stream.on('end', () => finish(null, Buffer.concat(chunks)));
    },
    _removeFile(_req, file, cb) {
      (file as { buffer?: Buffer }).buffer = undefined;
      cb(null);
    },
  };
}

/** Refuses a request whose declared length cannot fit the bound before a byte of it is read. */
export function declaredLengthWithin(maxTotalBytes: number): RequestHandler {
  return (req, _res, next) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > maxTotalBytes + FRAMING_BYTES) return next(tooLarge(maxTotalBytes, `the request declared ${declared} bytes`));
    next();
  };
}
