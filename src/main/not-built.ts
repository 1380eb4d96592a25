/** For entry points whose part of the system does not exist yet: say so and fail, never pretend. */
export function notBuiltYet(what: string): never {
  process.stderr.write(`${what} is not built yet.\n`);
  process.exit(1);
}
