import type { ReactElement } from "react";

// The rule book writes the same rule sets out in the same words on every visit: thousands of translations and the
// same markup each time (the slowest public page). Its data objects are built once per process
// (app/modules/rules/rules.service.server.ts), so what a component wrote for one of them in one language is kept,
// keyed by the object itself, and given to React again. Only for output that depends on nothing but the object and
// `variant` (language, heading level): no per-visitor data, no state.
const written = new WeakMap<object, Map<string, ReactElement>>();

export function renderedOnce(source: object, variant: string, render: () => ReactElement): ReactElement {
  let byVariant = written.get(source);
  if (!byVariant) written.set(source, (byVariant = new Map()));
  let element = byVariant.get(variant);
  if (!element) byVariant.set(variant, (element = render()));
  return element;
}
