import { type Kysely } from 'kysely';
import { type Dialect } from './define';

/** Listing numbers (挂牌编号) are unique, so two concurrent listings cannot share one. */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema.createIndex('hazards_listing_no_uq').on('hazards').column('listing_no').unique().execute();
}
