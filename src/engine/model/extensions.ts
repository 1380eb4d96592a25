import { type ModdleElement } from './moddle';

/** Helpers to read `zeebe:*` extension elements of a moddle element. */

export function extensions(element: ModdleElement, type: string): ModdleElement[] {
  const values = (element.extensionElements?.values ?? []) as ModdleElement[];
  return values.filter((v) => v.$type === type);
}

export function extension(element: ModdleElement, type: string): ModdleElement | undefined {
  return extensions(element, type)[0];
}

export function text(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const s = String(value);
  return s;
}

/** The body of a formal expression element (conditionExpression, timeDuration, …). */
export function body(expression: ModdleElement | undefined): string | undefined {
  if (!expression) return undefined;
  const value = expression.body as string | undefined;
  return value === undefined ? undefined : value.trim();
}
