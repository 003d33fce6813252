import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary } from "~/components/forms/error-summary";
import queueStyles from "~/components/queue/queue.css?url";
import { translatorFor } from "~/i18n/i18n.server";
import { requireCoordinator } from "~/modules/queue/require-coordinator.server";
import { whenWords } from "~/modules/scheduling/format";
import { listSiteSlots } from "~/modules/scheduling/slots.service.server";
import { siteNames } from "~/modules/sites/sites.service.server";
import { clientIp } from "~/utils/client-ip.server";
import { getDb } from "~/utils/db.server";
import { formValues } from "~/utils/form.server";
import { OneSlotForm, PatternForm } from "./slot-forms";
import { SlotList } from "./slot-list";
import {
  oneSlotAnswer,
  patternAnswer,
  removeAnswer,
  type SlotForm,
  type SlotsAnswer,
  type SlotsPost,
} from "./slots-answer.server";

// /queue/slots: a site's coordinators keep the consultation slots that bookings choose from. Staff of one site never
// see or change another's: every read and write is bound to the signed-in coordinator's site.

export const handle = { titleKey: "scheduling:title" };
export const links = () => [{ rel: "stylesheet", href: queueStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireCoordinator(request);
  const { lng, t } = translatorFor(request);
  const db = await getDb();
  const [list, names] = await Promise.all([listSiteSlots(db, staff, new Date()), siteNames(db)]);
  const tz = list.site.timezone;
  return {
    siteName: names[staff.siteCode as keyof typeof names]?.[lng] ?? staff.siteCode,
    zone: t(`status:sites.${staff.siteCode}.timeZone`),
    slots: list.slots.map((s) => ({ ...s, ...whenWords(s.startsAt, tz, lng) })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireCoordinator(request);
  const { t, lng } = translatorFor(request);
  const formData = await request.formData();
  const intent = formData.get("intent");
  const post: SlotsPost = {
    db: await getDb(),
    staff,
    formData,
    values: formValues(formData),
    ctx: { now: new Date(), ip: clientIp(request) },
    t,
    lng,
  };
  if (intent === "remove") return removeAnswer(post);
  if (intent === "pattern") return patternAnswer(post);
  return oneSlotAnswer(post);
}

export default function Slots() {
  const { t } = useTranslation();
  const { siteName, zone, slots } = useLoaderData<typeof loader>();
  const answer = useActionData<SlotsAnswer>();
  const typed = (form: SlotForm) =>
    answer?.form === form ? { errors: answer.errors, values: answer.values } : { errors: {}, values: {} };
  return (
    <>
      <h1>{t("scheduling:title")}</h1>
      <p>{t("scheduling:intro", { site: siteName })}</p>
      <p className="hint">{t("scheduling:timesNote", { zone })}</p>
      <ErrorSummary errors={answer?.errors} formError={answer?.formError} />
      {answer?.notice ? (
        <div className="banner banner--success" role="status" data-testid="slots-notice">
          {answer.notice.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
      ) : null}
      <OneSlotForm typed={typed("one")} warnings={answer?.form === "one" ? answer.warnings : undefined} />
      <PatternForm typed={typed("pattern")} />
      <SlotList slots={slots} />
    </>
  );
}
