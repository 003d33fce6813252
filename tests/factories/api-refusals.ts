// What the API doors (/api/v1/referrals, the FHIR import) answer to a body they refuse, read as a client would.
import { expect } from "vitest";

/**
 * Checks a refusal that lists what is wrong (400, the error code, the message in the asker's language) and answers
 * its issues, for the test to check against the fields it broke.
 */
export async function refusalIssues(response: Response, error: string, message: string): Promise<unknown> {
  expect(response.status).toBe(400);
  const body = await response.json();
  expect(body.error).toBe(error);
  expect(body.message).toBe(message);
  return body.issues;
}
