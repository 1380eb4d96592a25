import Sqlite, { type Database } from 'better-sqlite3';
import type {
  CallHierarchyEntry, DecisionDefinitionItem, ElementInstanceItem, ElementStatistics, FormItem, IncidentItem, JobItem, Key,
  ProcessDefinitionItem, ProcessInstanceItem, ReadModel, SearchPage, SequenceFlowItem, UserTaskItem, VariableItem, VariableQueryOptions,
} from '../api';
import { getWith, searchWith, validated } from './query';
import { filterConditions, searchRequestSchema, type SearchSpec } from './search';
import { cachedStatement } from './statement-cache';
import { decisionDefinitionSearch, processDefinitionSearch } from './specs/definitions';
import { elementInstanceSearch } from './specs/element-instances';
import { incidentSearch } from './specs/incidents';
import { jobSearch } from './specs/jobs';
import { processInstanceSearch } from './specs/process-instances';
import { userTaskSearch } from './specs/user-tasks';
import { variableSearch } from './specs/variables';

/** Counts per element for diagram overlays: an element instance with an open incident counts as an incident. */
const ELEMENT_STATISTICS_COLUMNS = `
  sum(ei.state = 'ACTIVE' AND NOT EXISTS (SELECT 1 FROM rm_incident i WHERE i.element_instance_key = ei.key AND i.state = 'ACTIVE')) AS active,
  sum(ei.state = 'TERMINATED') AS canceled,
  sum(EXISTS (SELECT 1 FROM rm_incident i WHERE i.element_instance_key = ei.key AND i.state = 'ACTIVE')) AS incidents,
  sum(ei.state = 'COMPLETED') AS completed`;

const FORM_COLUMNS = 'CAST(key AS TEXT) AS formKey, form_id AS formId, version, tenant_id AS tenantId, resource AS schema';

/** The statistics body takes a process-instance filter alone. */
const instanceFilterSchema = searchRequestSchema(processInstanceSearch as SearchSpec<unknown, unknown>).pick({ filter: true });

/** Call hierarchies deeper than this are cut (a guard against cycles). */
const MAX_CALL_DEPTH = 100;

/**
 * The read model over the projection tables (`projections/`). Every statement goes through the statement cache,
 * which refuses one that writes; on a file database the connection is opened read-only besides.
 */
export class SqliteReadModel implements ReadModel {
  private readonly truncated = variableSearch(true);
  private readonly full = variableSearch(false);

  constructor(private readonly db: Database) {}

  private one<T>(sql: string, ...params: unknown[]): T | undefined {
    return cachedStatement(this.db, sql).get(...params) as T | undefined;
  }

  private all<T>(sql: string, ...params: unknown[]): T[] {
    return cachedStatement(this.db, sql).all(...params) as T[];
  }

  private variables(options: VariableQueryOptions) {
    return options.truncateValues ? this.truncated : this.full;
  }

  searchProcessInstances(query: unknown): SearchPage<ProcessInstanceItem> {
    return searchWith(this.db, processInstanceSearch, query);
  }

  getProcessInstance(key: Key): ProcessInstanceItem | undefined {
    return getWith(this.db, processInstanceSearch, 'pi.key', key);
  }

  processInstanceSequenceFlows(key: Key): SequenceFlowItem[] {
    const rows = this.all<SequenceFlowItem>(
      `SELECT CAST(key AS TEXT) AS sequenceFlowId, CAST(process_instance_key AS TEXT) AS processInstanceKey,
         CAST(process_definition_key AS TEXT) AS processDefinitionKey, bpmn_process_id AS processDefinitionId,
         element_id AS elementId, tenant_id AS tenantId
       FROM rm_sequence_flow WHERE process_instance_key = ? ORDER BY key`,
      key,
    );
    return rows.map((r) => ({ ...r, sequenceFlowId: r.elementId }));
  }

  processInstanceElementStatistics(key: Key): ElementStatistics[] {
    return this.all<ElementStatistics>(
      `SELECT ei.element_id AS elementId, ${ELEMENT_STATISTICS_COLUMNS}
       FROM rm_element_instance ei WHERE ei.process_instance_key = ? AND ei.type != 'PROCESS'
       GROUP BY ei.element_id ORDER BY ei.element_id`,
      key,
    );
  }

  processInstanceCallHierarchy(key: Key): CallHierarchyEntry[] | undefined {
    type Entry = CallHierarchyEntry & { parent: string | null };
    const lookup = (k: string) =>
      this.one<Entry>(
        `SELECT CAST(pi.key AS TEXT) AS processInstanceKey, CAST(pi.process_definition_key AS TEXT) AS processDefinitionKey,
           coalesce(pd.name, pi.bpmn_process_id) AS processDefinitionName, CAST(pi.parent_process_instance_key AS TEXT) AS parent
         FROM rm_process_instance pi LEFT JOIN rm_process_definition pd ON pd.key = pi.process_definition_key WHERE pi.key = ?`,
        k,
      );
    let entry = lookup(key);
    if (!entry) return undefined;
    // the root first, down to the instance itself (Operate's breadcrumb)
    const chain: CallHierarchyEntry[] = [];
    while (entry && chain.length < MAX_CALL_DEPTH) {
      const parentKey: string | null = entry.parent;
      chain.unshift({ processInstanceKey: entry.processInstanceKey, processDefinitionKey: entry.processDefinitionKey, processDefinitionName: entry.processDefinitionName });
      entry = parentKey ? lookup(parentKey) : undefined;
    }
    return chain;
  }

  searchProcessInstanceIncidents(processInstanceKey: Key, query: unknown): SearchPage<IncidentItem> {
    const spec = { ...incidentSearch, baseCondition: { sql: 'i.process_instance_key = ?', params: [processInstanceKey] } };
    return searchWith(this.db, spec, query, incidentSearch);
  }

  searchElementInstances(query: unknown): SearchPage<ElementInstanceItem> {
    return searchWith(this.db, elementInstanceSearch, query);
  }

  getElementInstance(key: Key): ElementInstanceItem | undefined {
    return getWith(this.db, elementInstanceSearch, 'ei.key', key);
  }

  searchUserTasks(query: unknown): SearchPage<UserTaskItem> {
    return searchWith(this.db, userTaskSearch, query);
  }

  getUserTask(key: Key): UserTaskItem | undefined {
    return getWith(this.db, userTaskSearch, 't.key', key);
  }

  userTaskForm(key: Key): { found: boolean; form?: FormItem } {
    const task = this.one<{ formKey: string | null }>('SELECT CAST(form_key AS TEXT) AS formKey FROM rm_user_task WHERE key = ?', key);
    if (!task) return { found: false };
    const form = task.formKey ? this.one<FormItem>(`SELECT ${FORM_COLUMNS} FROM rm_form WHERE key = ?`, task.formKey) : undefined;
    return form ? { found: true, form } : { found: true };
  }

  searchUserTaskVariables(key: Key, query: unknown, options: VariableQueryOptions): SearchPage<VariableItem> | undefined {
    const task = this.one<{ scope: string; pi: string }>(
      'SELECT CAST(element_instance_key AS TEXT) AS scope, CAST(process_instance_key AS TEXT) AS pi FROM rm_user_task WHERE key = ?',
      key,
    );
    if (!task) return undefined;
    const base = this.variables(options);
    // the task's own scope and the process scope; a local variable shadows a process variable of the same name
    const baseCondition = {
      sql: `v.process_instance_key = ? AND (v.scope_key = ? OR (v.scope_key = ? AND NOT EXISTS (
              SELECT 1 FROM rm_variable l WHERE l.scope_key = ? AND l.name = v.name)))`,
      params: [task.pi, task.scope, task.pi, task.scope],
    };
    return searchWith(this.db, { ...base, baseCondition }, query, base);
  }

  searchJobs(query: unknown): SearchPage<JobItem> {
    return searchWith(this.db, jobSearch, query);
  }

  searchIncidents(query: unknown): SearchPage<IncidentItem> {
    return searchWith(this.db, incidentSearch, query);
  }

  getIncident(key: Key): IncidentItem | undefined {
    return getWith(this.db, incidentSearch, 'i.key', key);
  }

  searchVariables(query: unknown, options: VariableQueryOptions): SearchPage<VariableItem> {
    return searchWith(this.db, this.variables(options), query);
  }

  getVariable(key: Key): VariableItem | undefined {
    return getWith(this.db, this.full, 'v.key', key);
  }

  searchProcessDefinitions(query: unknown): SearchPage<ProcessDefinitionItem> {
    return searchWith(this.db, processDefinitionSearch, query);
  }

  getProcessDefinition(key: Key): ProcessDefinitionItem | undefined {
    return getWith(this.db, processDefinitionSearch, 'pd.key', key);
  }

  processDefinitionXml(key: Key): string | undefined {
    return this.one<{ resource: string }>('SELECT resource FROM rm_process_definition WHERE key = ?', key)?.resource;
  }

  processDefinitionStartForm(key: Key): { found: boolean; form?: FormItem } {
    const row = this.one<{ formId: string | null; tenantId: string }>(
      'SELECT start_form_id AS formId, tenant_id AS tenantId FROM rm_process_definition WHERE key = ?',
      key,
    );
    if (!row) return { found: false };
    // the latest deployed version of the form id
    const form = row.formId
      ? this.one<FormItem>(`SELECT ${FORM_COLUMNS} FROM rm_form WHERE form_id = ? AND tenant_id = ? ORDER BY version DESC LIMIT 1`, row.formId, row.tenantId)
      : undefined;
    return form ? { found: true, form } : { found: true };
  }

  processDefinitionElementStatistics(key: Key, query: unknown): ElementStatistics[] {
    const body = validated(instanceFilterSchema, query);
    const params: unknown[] = [key];
    const conditions = filterConditions(processInstanceSearch as SearchSpec<unknown, unknown>, (body.filter ?? {}) as Record<string, unknown>, params);
    const instanceWhere = conditions.map((c) => `AND (${c})`).join(' ');
    return this.all<ElementStatistics>(
      `SELECT ei.element_id AS elementId, ${ELEMENT_STATISTICS_COLUMNS}
       FROM rm_element_instance ei
       WHERE ei.type != 'PROCESS' AND ei.process_instance_key IN (
         SELECT pi.key FROM rm_process_instance pi LEFT JOIN rm_process_definition pd ON pd.key = pi.process_definition_key
         WHERE pi.process_definition_key = ? ${instanceWhere})
       GROUP BY ei.element_id ORDER BY ei.element_id`,
      ...params,
    );
  }

  searchDecisionDefinitions(query: unknown): SearchPage<DecisionDefinitionItem> {
    return searchWith(this.db, decisionDefinitionSearch, query);
  }

  getDecisionDefinition(key: Key): DecisionDefinitionItem | undefined {
    return getWith(this.db, decisionDefinitionSearch, 'd.key', key);
  }

  decisionDefinitionXml(key: Key): string | undefined {
    return this.one<{ resource: string }>(
      `SELECT r.resource FROM rm_decision_definition d JOIN rm_decision_requirements r ON r.key = d.decision_requirements_key WHERE d.key = ?`,
      key,
    )?.resource;
  }

  decisionRequirementsXml(key: Key): string | undefined {
    return this.one<{ resource: string }>('SELECT resource FROM rm_decision_requirements WHERE key = ?', key)?.resource;
  }
}

/** A read model with the connection it reads on. */
export interface OpenReadModel {
  model: ReadModel;
  /** The connection it reads on. */
  connection: Database;
  close(): void;
}

/**
 * Opens the read model over the engine's database: on a read-only connection of its own when the database is a
 * file (WAL lets it read while the engine writes), on the engine's connection when it lives in memory (which no
 * second connection can open); the statement cache refuses writing statements either way.
 */
export function openReadModel(db: Database): OpenReadModel {
  if (db.memory) return { model: new SqliteReadModel(db), connection: db, close: () => undefined };
  const reader = new Sqlite(db.name, { readonly: true, fileMustExist: true });
  return { model: new SqliteReadModel(reader), connection: reader, close: () => reader.close() };
}
