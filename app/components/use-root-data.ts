import { useRouteLoaderData } from "@remix-run/react";
import { PORTAL_TIME_ZONE } from "~/domain/routing/site-facts";

export type RootData = {
  lng: string;
  csrfToken: string;
  user: SignedInUser | null;
  /** The IANA zone the signed-in reader reads times in (their site's or their country's); the portal's for others. */
  timeZone?: string;
  /** For administrators, when the newest rule set's review date has passed (K10). */
  rulesReview?: { version: string; reviewDueOn: string } | null;
};
export type SignedInUser = {
  familyName: string;
  givenName: string;
  role: "physician" | "coordinator" | "reviewer" | "admin" | "researcher";
  siteCode: string | null;
  status: "pending" | "active" | "suspended" | "rejected";
};

/** The root loader's data (language, CSRF token, who is signed in), also inside error boundaries. */
export function useRootData(): RootData | undefined {
  // Typed by hand, not from `typeof loader`: importing the root from here would make a cycle through the header.
  return useRouteLoaderData("root") as RootData | undefined;
}

/** The reader's time zone from the root loader: the one every "when" on a signed-in person's page is written in. */
export function useReaderTimeZone(): string {
  return useRootData()?.timeZone ?? PORTAL_TIME_ZONE;
}
