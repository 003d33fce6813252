import { z } from "zod";

/**
 * A rule across several fields of a form that runs even when one of its fields has already failed. zod skips an
 * object's refinements as soon as any field is invalid, so their messages would appear only on the next try; a
 * person should see every problem of a form at once. The value may then be incomplete or of the wrong types, so
 * the rule must read it defensively. Runs in the browser too.
 */
export function alwaysCheck<T>(rule: (value: Partial<T>, ctx: z.core.$RefinementCtx<T>) => void) {
  return z.superRefine<T>((value, ctx) => rule(value as Partial<T>, ctx), { when: () => true } as Parameters<
    typeof z.superRefine
  >[1]);
}
