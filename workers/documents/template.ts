import { type Db } from '../../src/db/connect';
import { type WorkCalendar } from '../../src/domain/calendar';
import { type IssuerCode } from '../../src/domain/numbering';

/** What a document is about: the record ids the process hands to yc-document (or the worker issuing it). */
export interface DocumentVars {
  planId?: string;
  inspectionId?: string;
  problemId?: string;
  hazardId?: string;
  handoverId?: string;
  talkId?: string;
  departmentCode?: string;
  resultDue?: string;
  rectificationDue?: string;
  kind?: string;
  period?: string;
}

/** The text of an official document before numbering and layout (GB/T 9704 elements). */
export interface ComposedDocument {
  subject: string;
  title: string;
  mainRecipient: string;
  paragraphs: string[];
  copyTo?: string[];
  publicity?: string;
}

export interface ComposeContext {
  db: Db;
  /** The document's date (成文日期), China time, YYYY-MM-DD. */
  today: string;
  calendar: WorkCalendar;
}

/** One document type: its name, issuing body and how its text is drawn from the registers. */
export interface DocumentTemplate {
  name: string;
  issuer: IssuerCode;
  compose(ctx: ComposeContext, v: DocumentVars): Promise<ComposedDocument>;
}
