import { createHash, randomUUID } from 'node:crypto';

/** What Camunda keeps about a document besides its content (DocumentMetadata of the REST API). */
export interface DocumentMetadata {
  contentType?: string;
  fileName?: string;
  expiresAt?: string;
  size?: number;
  processDefinitionId?: string;
  processInstanceKey?: string;
  customProperties?: Record<string, unknown>;
}

export interface StoredDocument {
  documentId: string;
  contentHash: string;
  content: Buffer;
  metadata: DocumentMetadata;
}

export class DocumentStoreFull extends Error {}
export class DocumentExists extends Error {}

/**
 * Camunda's default document store, `in-memory`: documents live as long as the gateway does. Bounded in total
 * size, so uploads cannot exhaust the process's memory.
 */
export class InMemoryDocumentStore {
  static readonly ID = 'in-memory';
  private readonly documents = new Map<string, StoredDocument>();
  private bytes = 0;

  constructor(private readonly maxTotalBytes: number) {}

  create(content: Buffer, metadata: DocumentMetadata, documentId?: string): StoredDocument {
    const id = documentId || randomUUID();
    if (this.documents.has(id)) throw new DocumentExists(`Expected to create a document with id '${id}', but a document with this id already exists`);
    if (this.bytes + content.length > this.maxTotalBytes) {
      throw new DocumentStoreFull(`Expected to store a document of ${content.length} bytes, but the in-memory document store is full (${this.maxTotalBytes} bytes)`);
    }
    const document: StoredDocument = {
      documentId: id,
      contentHash: createHash('sha256').update(content).digest('hex'),
      content,
      metadata: { ...metadata, size: content.length },
    };
    this.documents.set(id, document);
    this.bytes += content.length;
    return document;
  }

  /** The document, if it exists and (when given) its content hash matches. */
  get(documentId: string, contentHash?: string): StoredDocument | undefined {
    const document = this.documents.get(documentId);
    return document && (!contentHash || contentHash === document.contentHash) ? document : undefined;
  }

  delete(documentId: string): boolean {
    const document = this.documents.get(documentId);
    if (!document) return false;
    this.documents.delete(documentId);
    this.bytes -= document.content.length;
    return true;
  }
}
