import type { Database } from 'better-sqlite3';
import type {
  DecisionRecordValue,
  DecisionRequirementsRecordValue,
  EngineRecord,
  FormRecordValue,
  ProcessRecordValue,
} from '../api';
import { elementNames, startFormId } from './bpmn-names';
import { prepared } from './statements';

/** Deployed process definitions (with element names for the element-instance read model), forms, decisions and their DMN resources. */
export function applyDefinitionRecord(record: EngineRecord, db: Database): void {
  switch (record.valueType) {
    case 'PROCESS':
      return applyProcess(record as EngineRecord<never> as EngineRecord<ProcessRecordValue>, db);
    case 'FORM':
      return applyForm(record as EngineRecord<never> as EngineRecord<FormRecordValue>, db);
    case 'DECISION':
      return applyDecision(record as EngineRecord<never> as EngineRecord<DecisionRecordValue>, db);
    case 'DECISION_REQUIREMENTS':
      return applyDecisionRequirements(record as EngineRecord<never> as EngineRecord<DecisionRequirementsRecordValue>, db);
    default:
      return;
  }
}

function applyProcess({ intent, value: v }: EngineRecord<ProcessRecordValue>, db: Database): void {
  if (intent === 'DELETED') {
    prepared(db, 'DELETE FROM rm_process_definition WHERE key = ?').run(v.processDefinitionKey);
    prepared(db, 'DELETE FROM rm_element_name WHERE process_definition_key = ?').run(v.processDefinitionKey);
    return;
  }
  if (intent !== 'CREATED' || v.duplicate) return;
  prepared(
    db,
    `INSERT OR REPLACE INTO rm_process_definition (key, bpmn_process_id, name, version, version_tag, resource_name,
       resource, start_form_id, deployment_key, tenant_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    v.processDefinitionKey,
    v.bpmnProcessId,
    v.name || null,
    v.version,
    v.versionTag || null,
    v.resourceName,
    v.resource,
    startFormId(v.resource, v.bpmnProcessId) ?? null,
    v.deploymentKey,
    v.tenantId,
  );
  const insertName = prepared(
    db,
    'INSERT OR REPLACE INTO rm_element_name (process_definition_key, element_id, name) VALUES (?, ?, ?)',
  );
  for (const [elementId, name] of elementNames(v.resource)) insertName.run(v.processDefinitionKey, elementId, name);
}

function applyForm({ intent, value: v }: EngineRecord<FormRecordValue>, db: Database): void {
  if (intent === 'DELETED') {
    prepared(db, 'DELETE FROM rm_form WHERE key = ?').run(v.formKey);
    return;
  }
  if (intent !== 'CREATED' || v.duplicate) return;
  prepared(db, 'INSERT OR REPLACE INTO rm_form (key, form_id, version, resource, tenant_id) VALUES (?, ?, ?, ?, ?)').run(
    v.formKey,
    v.formId,
    v.version,
    v.resource,
    v.tenantId,
  );
}

function applyDecision({ intent, value: v }: EngineRecord<DecisionRecordValue>, db: Database): void {
  if (intent === 'DELETED') {
    prepared(db, 'DELETE FROM rm_decision_definition WHERE key = ?').run(v.decisionKey);
    return;
  }
  if (intent !== 'CREATED' || v.duplicate) return;
  prepared(
    db,
    `INSERT OR REPLACE INTO rm_decision_definition (key, decision_id, name, version, decision_requirements_id,
       decision_requirements_key, tenant_id, version_tag) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    v.decisionKey,
    v.decisionId,
    v.decisionName || null,
    v.version,
    v.decisionRequirementsId,
    v.decisionRequirementsKey,
    v.tenantId,
    v.versionTag || null,
  );
}

function applyDecisionRequirements({ intent, value: v }: EngineRecord<DecisionRequirementsRecordValue>, db: Database): void {
  if (intent === 'DELETED') {
    prepared(db, 'DELETE FROM rm_decision_requirements WHERE key = ?').run(v.decisionRequirementsKey);
    return;
  }
  if (intent !== 'CREATED' || v.duplicate) return;
  prepared(
    db,
    `INSERT OR REPLACE INTO rm_decision_requirements (key, decision_requirements_id, name, version, resource_name, resource, tenant_id)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(v.decisionRequirementsKey, v.decisionRequirementsId, v.decisionRequirementsName || null, v.decisionRequirementsVersion,
    v.resourceName || null, v.resource, v.tenantId);
}
