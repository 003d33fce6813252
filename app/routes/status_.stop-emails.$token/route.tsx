import {
  data,
  redirect,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
} from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PostForm } from "~/components/forms/post-form";
import { StatusBanner } from "~/components/status-banner";
import {
  stopNotices,
  stopState,
  UNSUBSCRIBE_PATH,
  type StopState,
} from "~/modules/patient-notifications/patient-notifications.service.server";
import { clientIp } from "~/utils/client-ip.server";
import { getDb } from "~/utils/db.server";
import stylesUrl from "../status/status.css?url";

// /status/stop-emails/<token>: the one link in every status e-mail that stops them, with no sign-in (issue #17). The
// link only opens this page; the button stops the e-mails, so a mail program or a virus scanner that fetches links
// ahead of the reader never stops them by itself. The page names nothing about the referral. Plain HTML, no script.
export const handle = { titleKey: "patient-notices:stop.pageTitle", hydrate: false };
export const links = () => [{ rel: "stylesheet", href: stylesUrl }];
// The token is in the address: no cache keeps the page, and no other site is told where a visitor came from.
// (`same-origin`, not `no-referrer`: with the latter the browser posts the form with `Origin: null`, which the CSRF
// guard rightly refuses.)
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store", "Referrer-Policy": "same-origin" });

export async function loader({ params }: LoaderFunctionArgs) {
  // Open to anyone who holds the link: the random token is the only key, and it can do nothing but stop e-mails.
  const state = await stopState(await getDb(), params.token ?? "");
  return data({ state: state.kind }, { status: state.kind === "unknown" ? 404 : 200 });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const result = await stopNotices(await getDb(), token, { now: new Date(), ip: clientIp(request) });
  if (result.kind === "unknown") return data({ state: "unknown" as const }, { status: 404 });
  // After the post, the page shows that the e-mails stopped (a reload does not post again).
  return redirect(`${UNSUBSCRIBE_PATH}/${encodeURIComponent(token)}`);
}

export default function StopEmails() {
  const { t } = useTranslation();
  const { state } = useLoaderData<{ state: StopState["kind"] }>();
  if (state === "unknown") {
    return (
      <div className="status-page">
        <h1>{t("patient-notices:stop.unknownHeading")}</h1>
        <p>{t("patient-notices:stop.unknown")}</p>
        <p>
          <a href="/status">{t("patient-notices:stop.toStatus")}</a>
        </p>
      </div>
    );
  }
  return (
    <div className="status-page">
      <h1>{t("patient-notices:stop.heading")}</h1>
      {state === "stopped" ? (
        <StatusBanner tone="success" testId="emails-stopped">
          {t("patient-notices:stop.stopped")}
        </StatusBanner>
      ) : (
        <>
          <p className="lead">{t("patient-notices:stop.lead")}</p>
          <PostForm data-form="stop-emails" submit={{ text: t("patient-notices:stop.submit") }} />
        </>
      )}
      <p>
        <a href="/status">{t("patient-notices:stop.toStatus")}</a>
      </p>
    </div>
  );
}
