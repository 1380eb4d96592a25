import { join } from 'node:path';
import { z } from 'zod';
import { complianceRecords } from '../src/db/coverage-status';
import { documentsAbout } from '../src/db/documents';
import { effectOf, once } from '../src/db/effects';
import { collectCompliance } from '../src/reports/compliance/collect';
import { composeComplianceReport, quarterEndedBy } from './documents/compliance-report';
import { issueComposed } from './documents/issue';
import { defineWorker } from './runtime/types';

interface Issued {
  complianceReportDocumentId: string;
  complianceReportDocumentNo: string;
  complianceReportTitle: string;
  complianceQuarter: string;
}

/**
 * yc-compliance-report: at a quarter's end, the clause figures of the compliance page as of the engine's time,
 * its charts rendered on the server, in a DOCX report of the office to the committee (GB/T 9704, 文号), filed in
 * the documents register. One report per quarter: a second run for the same quarter returns the first.
 */
export default defineWorker({
  type: 'yc-compliance-report',
  description: '条款落实情况季度报告：统计、图表、公文归档',
  input: z.object({}).loose(),
  headers: z.object({}).loose(),
  async handle({ deps, effectKey, actor }) {
    const key = `${effectKey}:compliance-report`;
    const done = await effectOf<Issued>(deps.db, key);
    if (done) return { ...done };
    if (!deps.search) throw new Error('the engine search is not available to this worker');
    const now = deps.clock();
    const quarter = quarterEndedBy(now);
    const [filed] = await documentsAbout(deps.db, `compliance:${quarter.id}`);
    const issued = (doc: { id: string; doc_no: string; title: string }): Issued => ({
      complianceReportDocumentId: doc.id, complianceReportDocumentNo: doc.doc_no, complianceReportTitle: doc.title, complianceQuarter: quarter.label,
    });
    if (filed) return { ...issued(filed) };
    const { db } = deps;
    const compliance = await collectCompliance({
      camunda: deps.search,
      store: complianceRecords(db, deps.settings.firstCycleStart),
      processesDir: deps.settings.processesDir ?? join(process.cwd(), 'processes'),
      now,
    });
    const composed = composeComplianceReport(compliance, quarter);
    return { ...(await once(db, key, actor.at, async (trx) => issued(await issueComposed(trx, deps.archive, actor, 'compliance-report', composed)))) };
  },
});
