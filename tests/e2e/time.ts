// The browser tests' time limits are budgets for a machine the run has to itself. Where the machine is shared (CI's
// two cores, or a workstation running several suites at once) every step takes longer by about the same factor, so
// every limit is multiplied by one scale instead of each spec raising its own after a failure. A limit only says when
// a stuck test gives up: a larger one lets nothing wrong pass, it only makes a real hang take longer to report.
// E2E_TIME_SCALE sets the scale; it is 3 on CI (a 120 s journey passed at load 20 on 2 cores and ran out at load 35)
// and 1 otherwise.
export const timeScale = Number(process.env.E2E_TIME_SCALE ?? (process.env.CI ? 3 : 1));

/** A time limit of `ms` on a machine of the run's own, scaled for this one. */
export const budget = (ms: number) => Math.round(ms * timeScale);
