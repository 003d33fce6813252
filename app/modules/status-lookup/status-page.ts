/**
 * Where a patient checks a referral's status. The printable handout links here. The only URL that carries a
 * reference code is the handout's QR link below (docs/decisions/0023); the birth date never goes into a URL.
 */
export const STATUS_PAGE_PATH = "/status";

/** The status page's address: absolute when the portal's origin is given (for print), else the path. */
export function statusPageUrl(origin?: string): string {
  return origin ? new URL(STATUS_PAGE_PATH, origin).href : STATUS_PAGE_PATH;
}

/**
 * The link the handout's QR code opens: the status page with the reference code filled in (issue 17). Never the
 * birth date, which alone with the code opens the status: the paper shows the code anyway, and the page still asks
 * for the birth date. The server logs paths without query strings, and the referrer policy is same-origin.
 */
export function statusLinkWithCode(origin: string, referenceCode: string): string {
  const url = new URL(STATUS_PAGE_PATH, origin);
  url.searchParams.set("code", referenceCode);
  return url.href;
}
