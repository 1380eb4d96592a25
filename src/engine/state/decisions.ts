import { type Key } from '../api';
import { JournaledMap, type StateJournal } from './journal';

export interface DecisionDefinition {
  key: Key;
  decisionId: string;
  decisionName: string;
  version: number;
  versionTag: string;
  decisionRequirementsId: string;
  decisionRequirementsKey: Key;
  deploymentKey: Key;
  tenantId: string;
}

export interface DecisionRequirementsDefinition {
  key: Key;
  decisionRequirementsId: string;
  name: string;
  version: number;
  resourceName: string;
  checksum: string;
  deploymentKey: Key;
  tenantId: string;
}

/** Deployed decisions and decision requirements graphs (DMN resources), with their versions per id. */
export class DecisionState {
  readonly decisions: Map<Key, DecisionDefinition>;
  /** `${tenantId}/${decisionId}` → decision keys ordered by version. */
  readonly decisionVersions: Map<string, Key[]>;
  readonly requirements: Map<Key, DecisionRequirementsDefinition>;
  readonly requirementsVersions: Map<string, Key[]>;

  constructor(journal: StateJournal) {
    this.decisions = new JournaledMap<Key, DecisionDefinition>(journal);
    this.decisionVersions = new JournaledMap<string, Key[]>(journal);
    this.requirements = new JournaledMap<Key, DecisionRequirementsDefinition>(journal);
    this.requirementsVersions = new JournaledMap<string, Key[]>(journal);
  }

  latestDecision(decisionId: string, tenantId: string): DecisionDefinition | undefined {
    const keys = this.decisionVersions.get(`${tenantId}/${decisionId}`);
    return keys && keys.length > 0 ? this.decisions.get(keys[keys.length - 1]) : undefined;
  }

  /** All versions of a decision, newest first. */
  versionsOf(decisionId: string, tenantId: string): DecisionDefinition[] {
    return (this.decisionVersions.get(`${tenantId}/${decisionId}`) ?? [])
      .map((key) => this.decisions.get(key))
      .filter((d): d is DecisionDefinition => d !== undefined)
      .reverse();
  }

  latestRequirements(decisionRequirementsId: string, tenantId: string): DecisionRequirementsDefinition | undefined {
    const keys = this.requirementsVersions.get(`${tenantId}/${decisionRequirementsId}`);
    return keys && keys.length > 0 ? this.requirements.get(keys[keys.length - 1]) : undefined;
  }

  snapshot(): Record<string, unknown> {
    const sorted = (map: Map<string, unknown>): Record<string, unknown> => Object.fromEntries([...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return {
      decisions: sorted(this.decisions),
      decisionVersions: sorted(this.decisionVersions),
      requirements: sorted(this.requirements),
      requirementsVersions: sorted(this.requirementsVersions),
    };
  }
}
