import { type ProcessModel } from '../model';
import { annualPlan } from './annual-plan';
import { escalationLadder } from './escalation-ladder';
import { hazardAcceptance } from './hazard-acceptance';
import { inspectionReport } from './inspection-report';
import { inspectionRound } from './inspection-round';
import { keyTalk } from './key-talk';
import { listedSupervision } from './listed-supervision';
import { onsiteWork } from './onsite-work';
import { problemDisposal } from './problem-disposal';
import { problemHandover } from './problem-handover';
import { rectification } from './rectification';
import { teamFormation } from './team-formation';
import { collectiveFeedback, inspectionEntry, inspectionResults } from './inspection-phases';
import { unitInspection } from './unit-inspection';
import { cityInspectionLiaison, coverageWatch, followUpSampling } from './watch-processes';

/** The process landscape, from the annual plan down to the single problem (see processes/README.md). */
export const allModels: ProcessModel[] = [
  annualPlan,
  teamFormation,
  inspectionRound,
  unitInspection,
  inspectionEntry,
  collectiveFeedback,
  inspectionResults,
  onsiteWork,
  inspectionReport,
  rectification,
  problemDisposal,
  problemHandover,
  listedSupervision,
  hazardAcceptance,
  escalationLadder,
  keyTalk,
  followUpSampling,
  coverageWatch,
  cityInspectionLiaison,
];
