import { type ColumnDefinitionBuilder, type Kysely, sql } from 'kysely';

export type Dialect = 'sqlite' | 'postgres';

/**
 * A compact, portable column notation for the migrations: `'name text!'` = NOT NULL text, `'name int'` =
 * nullable integer, `'name text pk'` = primary key, `'name seq'` = auto-increment key. Kept to the types
 * SQLite and PostgreSQL share, so one migration serves both dialects.
 */
export async function createTable(db: Kysely<unknown>, dialect: Dialect, table: string, columns: string[], extra: {
  unique?: string[][];
  primaryKey?: string[];
} = {}): Promise<void> {
  // The builder's column-name typing cannot follow names parsed at run time.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let builder: any = db.schema.createTable(table);
  for (const spec of columns) {
    const [name, type, flag] = spec.split(/\s+/);
    const notNull = type.endsWith('!');
    const base = type.replace('!', '');
    if (base === 'seq') {
      builder = dialect === 'sqlite'
        ? builder.addColumn(name, 'integer', (c: ColumnDefinitionBuilder) => c.primaryKey().autoIncrement())
        : builder.addColumn(name, 'serial', (c: ColumnDefinitionBuilder) => c.primaryKey());
      continue;
    }
    const columnType = base === 'int' ? 'integer' : base === 'real' ? 'real' : 'text';
    builder = builder.addColumn(name, columnType, (c: ColumnDefinitionBuilder) => {
      let col = c;
      if (notNull || flag === 'pk') col = col.notNull();
      if (flag === 'pk') col = col.primaryKey();
      if (flag === 'unique') col = col.unique();
      return col;
    });
  }
  for (const cols of extra.unique ?? []) builder = builder.addUniqueConstraint(`${table}_${cols.join('_')}_uq`, cols);
  if (extra.primaryKey) builder = builder.addPrimaryKeyConstraint(`${table}_pk`, extra.primaryKey);
  await builder.execute();
}

export async function index(db: Kysely<unknown>, table: string, columns: string[]): Promise<void> {
  await db.schema.createIndex(`${table}_${columns.join('_')}_ix`).on(table).columns(columns).execute();
}

/** The audit log is append-only: both dialects refuse UPDATE and DELETE on it with a trigger. */
export async function protectAppendOnly(db: Kysely<unknown>, dialect: Dialect, table: string): Promise<void> {
  if (dialect === 'sqlite') {
    for (const op of ['UPDATE', 'DELETE']) {
      await sql.raw(`CREATE TRIGGER ${table}_no_${op.toLowerCase()} BEFORE ${op} ON ${table}
        BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`).execute(db);
    }
    return;
  }
  await sql.raw(`CREATE FUNCTION ${table}_append_only() RETURNS trigger AS $$
    BEGIN RAISE EXCEPTION '${table} is append-only'; END $$ LANGUAGE plpgsql`).execute(db);
  await sql.raw(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
    FOR EACH ROW EXECUTE FUNCTION ${table}_append_only()`).execute(db);
}
