export interface ScenarioOptions {
  /** Length of each measuring phase. */
  seconds: number;
}

export interface Scenario {
  /** Short name used on the command line, e.g. B1. */
  name: string;
  title: string;
  run(options: ScenarioOptions): Promise<Record<string, unknown>>;
}
