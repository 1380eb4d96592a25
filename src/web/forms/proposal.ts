import { type FormSchema } from './validate';

/** The task forms the plan assistant fills (生成建议方案), by form id. */
export const PROPOSAL_FORMS = ['annual-plan-draft', 'team-proposal'] as const;
export type ProposalForm = (typeof PROPOSAL_FORMS)[number];

export const proposalFormOf = (formId: string | undefined): ProposalForm | undefined => PROPOSAL_FORMS.find((f) => f === formId);

export const offersProposal = (schema: FormSchema | undefined | null): boolean => !!proposalFormOf(schema?.id);
