/**
 * Turns feelin's warnings into Zeebe's (feel-scala's) warning types and texts, and formats the
 * " The evaluation reported the following warnings:" suffix that Zeebe appends to incident messages.
 */
import type { Warning } from 'feelin';

export interface FeelWarning {
  type: string;
  message: string;
}

const VARIABLE = /^Variable '(.*)' not found$/;
/** Our own missing-variable text (names in backticks, see names.ts). */
const OWN_VARIABLE = /^No variable found with name '(.*)'$/;
const KEY = /^Key '(.*)' not found in /;
const PROPERTY = /^Property '(.*)' not found in /;

/**
 * `calls`: the arguments of calls of unknown functions by body offset (feel-scala names them: `and 1 parameters`).
 */
export function toZeebeWarnings(warnings: readonly Warning[], calls?: ReadonlyMap<number, string>): FeelWarning[] {
  const out: FeelWarning[] = [];
  for (let i = 0; i < warnings.length; i++) {
    const warning = warnings[i];
    const next = warnings[i + 1];
    const variable = VARIABLE.exec(warning.message);
    const missing = variable ?? OWN_VARIABLE.exec(warning.message);
    if (missing && warning.type === 'NO_VARIABLE_FOUND' && next?.type === 'NO_FUNCTION_FOUND') {
      // feelin reports an unknown function as a missing variable plus a failed invocation
      const args = calls?.get(next.position.from);
      out.push({ type: 'NO_FUNCTION_FOUND', message: `No function found with name '${missing[1]}'${args ? ` ${args}` : ''}` });
      i++;
      continue;
    }
    out.push(rewrite(warning, variable));
  }
  return out;
}

function rewrite(warning: Warning, variable: RegExpExecArray | null): FeelWarning {
  if (warning.type === 'NO_VARIABLE_FOUND' && variable) {
    return { type: 'NO_VARIABLE_FOUND', message: `No variable found with name '${variable[1]}'` };
  }
  const key = KEY.exec(warning.message);
  if (warning.type === 'NO_CONTEXT_ENTRY_FOUND' && key) {
    const target = warning.details?.values?.target;
    const keys = target && typeof target === 'object' ? Object.keys(target) : [];
    return missingEntry(key[1], keys);
  }
  const property = PROPERTY.exec(warning.message);
  if (warning.type === 'NO_PROPERTY_FOUND' && property && warning.details?.values?.target === null) {
    return { type: 'NO_CONTEXT_ENTRY_FOUND', message: `No context entry found with key '${property[1]}'. The context is null` };
  }
  return { type: warning.type, message: warning.message };
}

/** feel-scala's NO_CONTEXT_ENTRY_FOUND for a context without `key`, naming the keys it has. */
export function missingEntry(key: string, keys: readonly string[]): FeelWarning {
  const available = keys.length === 0 ? 'The context is empty' : `Available keys: ${keys.map((k) => `'${k}'`).join(', ')}`;
  return { type: 'NO_CONTEXT_ENTRY_FOUND', message: `No context entry found with key '${key}'. ${available}` };
}

/** The suffix Zeebe appends to EXTRACT_VALUE_ERROR messages; empty when there are no warnings. */
export function warningsSuffix(warnings: readonly FeelWarning[]): string {
  if (warnings.length === 0) return '';
  return ` The evaluation reported the following warnings:\n${warnings.map((w) => `[${w.type}] ${w.message}`).join('\n')}`;
}
