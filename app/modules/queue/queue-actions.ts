/** The actions a staff member starts from the referral page; claim is a single button, the rest have a form. */
export const formActions = ["assign", "request_info", "accept", "decline", "redirect", "schedule", "close"] as const;
export type FormAction = (typeof formActions)[number];
export const staffActions = ["claim", ...formActions] as const;
export type StaffAction = (typeof staffActions)[number];

/** Slugs of the action pages (/queue/<id>/<slug>). */
export const actionSlugs: Record<FormAction, string> = {
  assign: "assign",
  request_info: "request-info",
  accept: "accept",
  decline: "decline",
  redirect: "redirect",
  schedule: "schedule",
  close: "close",
};

export function actionOfSlug(slug: string | undefined): FormAction | null {
  return formActions.find((a) => actionSlugs[a] === slug) ?? null;
}
