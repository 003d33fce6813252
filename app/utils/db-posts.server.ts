import type { Selectable } from "kysely";
import type { DB, Users } from "../../db/types";
import type { Database } from "./db.server";

// A referral's internal notes, its messages and a joint review's messages are kept alike: each row is a body written
// by a user (`author_id`) at `created_at`, in one thread. The pages read each thread the same way, oldest first with
// the authors' names; this says it once. As in db-rows.server (docs/decisions/0034), the table is a type parameter,
// so its columns are named through Kysely's dynamic references and the rows are typed by `$castTo` from the columns
// asked for; the callers stay typed (the table must hold posts, the columns must be its own and the users').

export type PostTable = "referral_notes" | "referral_messages" | "joint_messages";
type AuthorColumn = "family_name" | "given_name" | "role";

/** The author's name, for a post that records the role it was written in. */
export const authorName = ["family_name", "given_name"] as const;
/** The author's name and role (coordinator, reviewer, …). */
export const authorNameAndRole = ["family_name", "given_name", "role"] as const;

/** Which thread (its column and value), and which of the posts' and the authors' columns to read, in that order. */
export type ThreadRead<T extends PostTable, C extends keyof Selectable<DB[T]> & string, A extends AuthorColumn> = {
  thread: [column: keyof DB[T] & string, value: string];
  post: readonly C[];
  author: readonly A[];
};

/** One thread's posts, oldest first, each with the columns asked for of the post and of its author. */
export async function postsWithAuthors<
  T extends PostTable,
  C extends keyof Selectable<DB[T]> & string,
  A extends AuthorColumn,
>(db: Database, table: T, read: ThreadRead<T, C, A>) {
  const { ref } = db.dynamic;
  const [threadColumn, threadId] = read.thread;
  return db
    .selectFrom(db.dynamic.table(table).as("p"))
    .innerJoin("users as u", (join) => join.onRef("u.id", "=", ref("p.author_id")))
    .select([...read.post.map((column) => ref(`p.${column}`)), ...read.author.map((column) => ref(`u.${column}`))])
    .where(ref(`p.${threadColumn}`), "=", threadId)
    .orderBy(ref("p.created_at"), "asc")
    .$castTo<Pick<Selectable<DB[T]>, C> & Pick<Selectable<Users>, A>>()
    .execute();
}
