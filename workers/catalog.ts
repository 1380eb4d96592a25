import announce from './announce';
import assessment from './assessment';
import classify from './classify';
import complianceReport from './compliance-report';
import coverage from './coverage';
import deadline from './deadline';
import document from './document';
import escalate from './escalate';
import handover from './handover';
import hazard from './hazard';
import notify from './notify';
import planCheck from './plan-check';
import publish from './publish';
import record from './record';
import sample from './sample';
import talk from './talk';
import teamCheck from './team-check';
import { type WorkerDefinition } from './runtime/types';

/** Every worker, one per job type of JOB-TYPES.md. */
export const WORKERS: WorkerDefinition<any, any>[] = [ // eslint-disable-line @typescript-eslint/no-explicit-any
  deadline, notify, planCheck, teamCheck, record, document, classify, handover, hazard, talk, escalate, assessment, announce,
  coverage, sample, publish, complianceReport,
];

export const workerFor = (type: string) => WORKERS.find((w) => w.type === type);
