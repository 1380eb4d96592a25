import { Router, type Request, type Response } from 'express';
import multer from 'multer';
import { z } from 'zod';
import { InvalidRequest, problem } from '../../shared/errors';
import { describeIssues, NotFound } from '../http';
import { DocumentExists, DocumentStoreFull, InMemoryDocumentStore, type DocumentMetadata, type StoredDocument } from '../document-store';

const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
const MAX_BATCH_FILES = 100;
const MAX_STORE_BYTES = 256 * 1024 * 1024;

const metadataSchema = z.object({
  contentType: z.string().optional(),
  fileName: z.string().optional(),
  expiresAt: z.string().datetime({ offset: true, message: 'expected an ISO 8601 date-time' }).optional(),
  size: z.number().int().nonnegative().optional(),
  processDefinitionId: z.string().optional(),
  processInstanceKey: z.union([z.string().regex(/^\d{1,19}$/), z.number().int()]).transform(String).optional(),
  customProperties: z.record(z.string(), z.unknown()).optional(),
});

/** A `metadata` part: JSON text (multer hands non-file parts over as strings). */
function parseMetadata(text: unknown, where: string): DocumentMetadata {
  if (text === undefined || text === '') return {};
  let value: unknown;
  try {
    value = typeof text === 'string' ? JSON.parse(text) : text;
  } catch {
    throw new InvalidRequest(`Invalid ${where}: expected a JSON object`);
  }
  const result = metadataSchema.safeParse(value);
  if (!result.success) throw new InvalidRequest(`Invalid ${where}: ${describeIssues(result.error.issues, where)}`);
  return result.data;
}

/** Only Camunda's default store exists here. */
function requireStore(req: Request): void {
  const storeId = req.query.storeId;
  if (storeId !== undefined && storeId !== InMemoryDocumentStore.ID) {
    throw new InvalidRequest(`Expected the document store '${InMemoryDocumentStore.ID}', but got '${String(storeId)}'`);
  }
}

function reference(document: StoredDocument): Record<string, unknown> {
  return {
    'camunda.document.type': 'camunda',
    storeId: InMemoryDocumentStore.ID,
    documentId: document.documentId,
    contentHash: document.contentHash,
    metadata: document.metadata,
  };
}

function metadataOf(file: Express.Multer.File, given: DocumentMetadata): DocumentMetadata {
  return {
    ...given,
    // multer decodes names as latin1; clients send UTF-8
    fileName: given.fileName ?? Buffer.from(file.originalname, 'latin1').toString('utf8'),
    contentType: given.contentType ?? file.mimetype,
  };
}

function refuse(req: Request, res: Response, status: number, title: string, detail: string): void {
  res.status(status).type('application/problem+json').send(JSON.stringify(problem(status, title, detail, req.originalUrl)));
}

/** The Document API (`/v2/documents`) over Camunda's default in-memory store. */
export function documentRoutes(): Router {
  const router = Router();
  const store = new InMemoryDocumentStore(MAX_STORE_BYTES);
  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: MAX_DOCUMENT_BYTES, files: MAX_BATCH_FILES, fields: MAX_BATCH_FILES + 5 } });

  const create = (file: Express.Multer.File, metadata: DocumentMetadata, documentId?: string): StoredDocument =>
    store.create(file.buffer, metadataOf(file, metadata), documentId);

  router.post('/documents', upload.single('file'), (req, res) => {
    requireStore(req);
    if (!req.file) throw new InvalidRequest("Expected a multipart/form-data request with a 'file' part");
    const documentId = typeof req.query.documentId === 'string' ? req.query.documentId : undefined;
    const metadata = parseMetadata(req.body?.metadata, 'metadata');
    try {
      res.status(201).json(reference(create(req.file, metadata, documentId)));
    } catch (error) {
      if (error instanceof DocumentExists) return refuse(req, res, 409, 'ALREADY_EXISTS', error.message);
      if (error instanceof DocumentStoreFull) return refuse(req, res, 413, 'PAYLOAD_TOO_LARGE', error.message);
      throw error;
    }
  });

  router.post('/documents/batch', upload.array('files'), (req, res) => {
    requireStore(req);
    const files = (req.files as Express.Multer.File[] | undefined) ?? [];
    if (files.length === 0) throw new InvalidRequest("Expected a multipart/form-data request with one or more 'files' parts");
    const given = req.body?.metadataList;
    const metadataTexts: unknown[] = Array.isArray(given) ? given : given === undefined ? [] : [given];
    const createdDocuments: Record<string, unknown>[] = [];
    const failedDocuments: { fileName: string; detail: string }[] = [];
    files.forEach((file, i) => {
      try {
        createdDocuments.push(reference(create(file, parseMetadata(metadataTexts[i], `metadataList[${i}]`))));
      } catch (error) {
        failedDocuments.push({ fileName: Buffer.from(file.originalname, 'latin1').toString('utf8'), detail: (error as Error).message });
      }
    });
    res.status(failedDocuments.length === 0 ? 201 : 207).json({ createdDocuments, failedDocuments });
  });

  router.get('/documents/:documentId', (req, res) => {
    requireStore(req);
    const contentHash = typeof req.query.contentHash === 'string' ? req.query.contentHash : undefined;
    const document = store.get(req.params.documentId, contentHash);
    if (!document) throw new NotFound(`Document with id '${req.params.documentId}' not found`);
    res.type(document.metadata.contentType || 'application/octet-stream').send(document.content);
  });

  router.delete('/documents/:documentId', (req, res) => {
    requireStore(req);
    if (!store.delete(req.params.documentId)) throw new NotFound(`Document with id '${req.params.documentId}' not found`);
    res.status(204).end();
  });

  router.post('/documents/:documentId/links', (req, res) => {
    requireStore(req);
    if (!store.get(req.params.documentId)) throw new NotFound(`Document with id '${req.params.documentId}' not found`);
    refuse(req, res, 400, 'INVALID_ARGUMENT', `The document store '${InMemoryDocumentStore.ID}' does not support links; download the document instead`);
  });
  return router;
}
