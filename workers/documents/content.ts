import { workCalendar } from '../../src/db/calendar';
import { type Db } from '../../src/db/connect';
import { chinaDate } from '../../src/domain/calendar';
import { type IssuerCode } from '../../src/domain/numbering';
import { type ComposedDocument, type DocumentTemplate, type DocumentVars } from './template';
import { acceptanceDecision } from './types/acceptance-decision';
import { annualPlan } from './types/annual-plan';
import { delistingDecision } from './types/delisting-decision';
import { feedbackOpinion } from './types/feedback-opinion';
import { handoverLetter } from './types/handover-letter';
import { inspectionNotice } from './types/inspection-notice';
import { inspectionReport } from './types/inspection-report';
import { listingNotice } from './types/listing-notice';
import { publicAnnouncement } from './types/public-announcement';
import { rectificationNotice } from './types/rectification-notice';
import { resultsBulletin } from './types/results-bulletin';
import { supervisionLetter } from './types/supervision-letter';
import { talkMinutes } from './types/talk-minutes';
import { talkNotice } from './types/talk-notice';
import { teamComposition } from './types/team-composition';

/** Every document type, each drawn from its own template module (docs/practice.md, "Documents"). */
export const DOC_TEMPLATES = {
  'annual-plan': annualPlan,
  'team-composition': teamComposition,
  'inspection-notice': inspectionNotice,
  'inspection-report': inspectionReport,
  'feedback-opinion': feedbackOpinion,
  'handover-letter': handoverLetter,
  'listing-notice': listingNotice,
  'talk-notice': talkNotice,
  'talk-minutes': talkMinutes,
  'rectification-notice': rectificationNotice,
  'results-bulletin': resultsBulletin,
  'public-announcement': publicAnnouncement,
  'supervision-letter': supervisionLetter,
  'acceptance-decision': acceptanceDecision,
  'delisting-decision': delistingDecision,
} as const satisfies Record<string, DocumentTemplate>;
export type DocType = keyof typeof DOC_TEMPLATES;
export const DOC_TYPES: Record<DocType, { name: string; issuer: IssuerCode }> = DOC_TEMPLATES;
export type { ComposedDocument, DocumentVars };

/** The document's text on the day it is issued (deadlines it sets count from that day, on the legal calendar). */
export async function composeDocument(db: Db, docType: DocType, v: DocumentVars, at: string): Promise<ComposedDocument & { issuer: IssuerCode }> {
  const template: DocumentTemplate = DOC_TEMPLATES[docType];
  const composed = await template.compose({ db, today: chinaDate(at), calendar: await workCalendar(db) }, v);
  return { publicity: '此件依申请公开', ...composed, issuer: template.issuer };
}
