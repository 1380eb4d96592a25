import { type Kysely } from 'kysely';
import { type Dialect } from './define';

/**
 * What a department enters in its handover tasks, kept in the handover register: who signed the receipt (签收人),
 * why it returned the handover, the measures it took (处理措施) and the evidence it filed with its result.
 */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  for (const column of ['receipt_signer', 'refusal_reason', 'result_measures', 'result_evidence']) {
    await db.schema.alterTable('handovers').addColumn(column, 'text').execute();
  }
}
