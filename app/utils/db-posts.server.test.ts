import { describe, expect, it } from "vitest";
import { referralAtKonyang, staff } from "../../tests/factories/staff-referral";
import { authorName, authorNameAndRole, postsWithAuthors } from "./db-posts.server";

// On the real database of the run (SQLite, or PostgreSQL with TEST_DATABASE_URL): two referrals' internal notes.
describe("a thread's posts with their authors", () => {
  it("reads one thread's posts oldest first, with only the columns asked for, each with its author's name", async () => {
    const { db, coordinator, id } = await referralAtKonyang("en");
    const other = await referralAtKonyang("en");
    const reviewer = await staff(db, "konyang", "reviewer");
    const note = (noteId: string, referralId: string, authorId: string, at: string) => ({
      id: noteId,
      referral_id: referralId,
      author_id: authorId,
      body: `Note ${noteId}`,
      created_at: at,
    });
    await db
      .insertInto("referral_notes")
      .values([
        note(`${id}-late`, id, reviewer.id, "2026-03-01T10:00:00.000Z"),
        note(`${id}-early`, id, coordinator.id, "2026-03-01T09:00:00.000Z"),
        note(`${other.id}-other`, other.id, coordinator.id, "2026-03-01T08:00:00.000Z"),
      ])
      .execute();

    const withRoles = await postsWithAuthors(db, "referral_notes", {
      thread: ["referral_id", id],
      post: ["id", "body"],
      author: authorNameAndRole,
    });
    expect(withRoles).toEqual([
      {
        id: `${id}-early`,
        body: `Note ${id}-early`,
        family_name: coordinator.familyName,
        given_name: coordinator.givenName,
        role: "coordinator",
      },
      {
        id: `${id}-late`,
        body: `Note ${id}-late`,
        family_name: reviewer.familyName,
        given_name: reviewer.givenName,
        role: "reviewer",
      },
    ]);

    const namesOnly = await postsWithAuthors(db, "referral_notes", {
      thread: ["referral_id", other.id],
      post: ["created_at"],
      author: authorName,
    });
    expect(namesOnly).toEqual([
      {
        created_at: "2026-03-01T08:00:00.000Z",
        family_name: coordinator.familyName,
        given_name: coordinator.givenName,
      },
    ]);
  });
});
