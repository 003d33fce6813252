import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { clearSessionCookie, endSession, getSessionUser } from "~/modules/accounts/session.server";

export async function action({ request }: ActionFunctionArgs) {
  const user = await getSessionUser(request);
  if (user) await endSession(user);
  return redirect("/", { headers: { "Set-Cookie": clearSessionCookie() } });
}

export function loader() {
  return redirect("/");
}
