// The joint review's part of a history event, read from the event's data: a step citing a recommendation, or a
// recommendation recorded. Pure, shared by both sites' pages.
export type JointEventFacts = { conferenceId: string; itemId: string | null; recommendation: string; cited: boolean };

export function jointEventLine(data: Record<string, unknown>): JointEventFacts | null {
  const cited = data.jointRecommendation as
    { itemId?: unknown; conferenceId?: unknown; recommendation?: unknown } | undefined;
  if (cited && typeof cited.conferenceId === "string" && typeof cited.recommendation === "string")
    return {
      conferenceId: cited.conferenceId,
      itemId: typeof cited.itemId === "string" ? cited.itemId : null,
      recommendation: cited.recommendation,
      cited: true,
    };
  if (typeof data.conferenceId === "string" && typeof data.recommendation === "string")
    return {
      conferenceId: data.conferenceId,
      itemId: typeof data.itemId === "string" ? data.itemId : null,
      recommendation: data.recommendation,
      cited: false,
    };
  return null;
}
