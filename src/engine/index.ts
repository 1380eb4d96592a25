import { type Engine, type EngineOptions } from './api';
import { EmbeddedEngine } from './engine';

export * from './api';
export { EmbeddedEngine } from './engine';
export { readModels } from './projections';

/** Starts the embedded engine: opens (or creates) its database and recovers the state from the record log. */
export async function createEngine(options: EngineOptions): Promise<Engine> {
  return EmbeddedEngine.start(options);
}
