import { z } from 'zod';
import { once } from '../src/db/effects';
import { publishAnnouncement } from '../src/db/registers/publications';
import { composeDocument } from './documents/content';
import { defineWorker, InputError } from './runtime/types';

/** yc-announce: publishes an approved 社会公告 (feedback, rectification, listing, delisting) on the notice board. */
export const headers = z.object({ kind: z.enum(['feedback', 'rectification', 'listing', 'delisting']) });
export const input = z.object({ inspectionId: z.string().nullish().transform((v) => v ?? undefined), hazardId: z.string().nullish().transform((v) => v ?? undefined) });

export default defineWorker({
  type: 'yc-announce',
  description: '社会公告发布',
  input,
  headers,
  async handle({ input: v, headers: h, deps, effectKey, actor }) {
    const aboutHazard = h.kind === 'listing' || h.kind === 'delisting';
    if (aboutHazard ? !v.hazardId : !v.inspectionId) throw new InputError(`${aboutHazard ? 'hazardId' : 'inspectionId'} is required for a ${h.kind} announcement`);
    return once(deps.db, `${effectKey}:${h.kind}`, actor.at, async (db) => {
      const doc = await composeDocument(db, 'public-announcement', aboutHazard ? { hazardId: v.hazardId, kind: h.kind } : { inspectionId: v.inspectionId, kind: h.kind }, actor.at);
      const announcementId = await publishAnnouncement(db, actor, { kind: h.kind, title: doc.title, body: doc.paragraphs.join('\n'), subject: doc.subject });
      return { announcementId };
    });
  },
});
