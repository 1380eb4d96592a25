export interface ScenarioOptions {
  /** Length of each measuring phase. */
  seconds: number;
  /** Size factor for scenarios with large data sets (1 = the size the budget names). */
  scale: number;
}

export interface Scenario {
  /** Short name used on the command line, e.g. B1. */
  name: string;
  title: string;
  run(options: ScenarioOptions): Promise<Record<string, unknown>>;
}
