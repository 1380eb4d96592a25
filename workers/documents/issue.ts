import { type Actor } from '../../src/db/audit';
import { type Db } from '../../src/db/connect';
import { type ContentStore } from '../../src/db/content-store';
import { issueDocument, type DocumentRecord } from '../../src/db/documents';
import { formatDocNo, ISSUERS, type IssuerCode } from '../../src/domain/numbering';
import { chineseDate } from '../notify/templates';
import { type ComposedDocument, composeDocument, DOC_TYPES, type DocType, type DocumentVars } from './content';
import { type OfficialFigure, renderDocx } from './layout';

/** Composes, numbers (文号 without gaps), renders as DOCX and archives one official document. */
export async function issueOfficialDocument(db: Db, archive: ContentStore, by: Actor, docType: DocType, vars: DocumentVars): Promise<DocumentRecord> {
  return issueComposed(db, archive, by, docType, await composeDocument(db, docType, vars, by.at));
}

/** Numbers, renders and archives a document already composed (a report with charts composes its own). */
export async function issueComposed(db: Db, archive: ContentStore, by: Actor, docType: string,
  composed: Omit<ComposedDocument, 'paragraphs'> & { issuer: IssuerCode; paragraphs: Array<string | OfficialFigure> }): Promise<DocumentRecord> {
  const issuer = ISSUERS[composed.issuer];
  const year = Number(chineseDate(by.at).slice(0, 4));
  return issueDocument(db, by, {
    docType, issuer: issuer.prefix, year, title: composed.title, subject: composed.subject, formatNo: formatDocNo,
    async store(docNo) {
      const bytes = await renderDocx({
        issuerName: issuer.name, docNo, title: composed.title, mainRecipient: composed.mainRecipient, paragraphs: composed.paragraphs,
        signature: issuer.name, date: chineseDate(by.at), copyTo: composed.copyTo, publicity: composed.publicity,
      });
      return archive.put('documents', bytes, '.docx');
    },
  });
}

export { DOC_TYPES };
