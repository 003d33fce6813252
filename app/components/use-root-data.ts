import { useRouteLoaderData } from "@remix-run/react";
import type { loader } from "~/root";

export type RootData = {
  lng: string;
  csrfToken: string;
  user: SignedInUser | null;
  /** For administrators, when the newest rule set's review date has passed (K10). */
  rulesReview?: { version: string; reviewDueOn: string } | null;
};
export type SignedInUser = {
  familyName: string;
  givenName: string;
  role: "physician" | "coordinator" | "reviewer" | "admin" | "researcher";
  siteCode: string | null;
  status: "pending" | "active" | "suspended";
};

/** The root loader's data (language, CSRF token, who is signed in), also inside error boundaries. */
export function useRootData(): RootData | undefined {
  return useRouteLoaderData<typeof loader>("root") as RootData | undefined;
}
