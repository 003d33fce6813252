/**
 * Where a patient checks a referral's status. The printable handout links here; the reference code is typed by
 * the patient and never placed in a URL (a link with the code would leak it to histories, logs and referrers).
 */
export const STATUS_PAGE_PATH = "/status";

/** The status page's address: absolute when the portal's origin is given (for print), else the path. */
export function statusPageUrl(origin?: string): string {
  return origin ? new URL(STATUS_PAGE_PATH, origin).href : STATUS_PAGE_PATH;
}
