import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SubmitRow } from "~/components/forms/submit-row";
import { StaffPageHeader } from "~/components/staff-page-header/staff-page-header";
import { CsrfInput } from "~/components/csrf-input";
import { CheckboxList } from "~/components/forms/checkbox-list";
import { SelectField } from "~/components/forms/select-field";
import { TextField } from "~/components/forms/text-field";
import { type TypedForm } from "~/components/forms/typed-date-field";
import { typedField } from "~/components/forms/typed-field";
import { DateTimeFields, DurationField } from "~/components/scheduling/when-fields";
import { translatorFor } from "~/i18n/i18n.server";
import { personName } from "~/i18n/person-name";
import { conferenceSchema } from "~/modules/conferences/conferences.schema";
import { attendeesProblem, inviteesOf, scheduleConference } from "~/modules/conferences/conferences.service.server";
import { requireCoordinator } from "~/modules/queue/require-coordinator.server";
import { siteClockOf } from "~/modules/queue/staff.server";
import { siteNames } from "~/modules/sites/sites.service.server";
import { clientIp } from "~/utils/client-ip.server";
import { getDb } from "~/utils/db.server";
import { formValues, nestValues, translateIssues, type FormValues } from "~/utils/form.server";

export const handle = { titleKey: "conferences:schedule.title" };

type ActionAnswer = { errors: Record<string, string>; values: FormValues; attendees: string[] };

/** Coordinators of either site schedule joint conferences (requireCoordinator); reviewers attend them. */
export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireCoordinator(request);
  const { lng } = translatorFor(request);
  const db = await getDb();
  const names = await siteNames(db);
  const { timezone } = await siteClockOf(db, staff.siteCode);
  return {
    me: staff.id,
    zone: timezone,
    invitees: (await inviteesOf(db)).map((p) => ({
      ...p,
      site: names[p.siteCode as keyof typeof names]?.[lng] ?? p.siteCode,
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireCoordinator(request);
  const { t } = translatorFor(request);
  const db = await getDb();
  const form = await request.formData();
  const values = formValues(form);
  const attendees = form.getAll("attendees").filter((v): v is string => typeof v === "string");
  const parsed = conferenceSchema.safeParse({ ...nestValues(values), attendees });
  if (!parsed.success) {
    const errors = translateIssues(parsed.error.issues, t);
    const people = attendeesProblem(await inviteesOf(db), [...attendees, values.chairId ?? ""].filter(Boolean));
    if (people && !errors.attendees) errors.attendees = t(people);
    return data<ActionAnswer>({ errors, values, attendees }, { status: 400 });
  }
  const result = await scheduleConference(db, staff, parsed.data, {
    now: new Date(),
    ip: clientIp(request),
    portalUrl: new URL(request.url).origin,
  });
  if (!result.ok)
    return data<ActionAnswer>(
      { errors: Object.fromEntries(Object.entries(result.errors).map(([k, v]) => [k, t(v)])), values, attendees },
      { status: 400 },
    );
  return redirect(`/conferences/${result.id}?done=scheduled`);
}

type Invitee = ReturnType<typeof useLoaderData<typeof loader>>["invitees"][number];

/** Who is invited: one list of boxes per site, the organiser ticked until the form says otherwise. */
function AttendeeLists({
  invitees,
  me,
  checked,
  error,
}: {
  invitees: Invitee[];
  me: string;
  checked: string[] | undefined;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  const sites = [...new Set(invitees.map((p) => p.siteCode))];
  return (
    <>
      {sites.map((site, index) => (
        <CheckboxList
          key={site}
          name="attendees"
          idName={index === 0 ? "attendees" : `attendees-${site}`}
          legend={t("conferences:schedule.attendees", {
            site: invitees.find((p) => p.siteCode === site)?.site ?? site,
          })}
          hint={index === 0 ? t("conferences:schedule.attendeesHint") : undefined}
          error={index === 0 ? error : undefined}
          options={invitees
            .filter((p) => p.siteCode === site)
            .map((p) => ({
              value: p.id,
              label: `${personName(p.familyName, p.givenName)} (${t(`roles.${p.role}`)})`,
            }))}
          checked={checked ?? [me]}
        />
      ))}
    </>
  );
}

/** When the conference meets, for how long, and until when cases may be put on its agenda. */
function WhenFields({ typed }: { typed: TypedForm }) {
  const { t } = useTranslation();
  return (
    <>
      <DateTimeFields
        typed={typed}
        date={{ name: "date", legend: t("conferences:schedule.date"), hint: t("scheduling:dateHint") }}
        time={{ name: "time", label: t("conferences:schedule.time"), hint: t("scheduling:timeHint") }}
      />
      <DurationField typed={typed} name="duration" label={t("conferences:schedule.duration")} />
      <DateTimeFields
        typed={typed}
        date={{
          name: "cutoffDate",
          legend: t("conferences:schedule.cutoffDate"),
          hint: t("conferences:schedule.cutoffHint"),
        }}
        time={{ name: "cutoffTime", label: t("conferences:schedule.cutoffTime") }}
      />
    </>
  );
}

export default function ScheduleConference() {
  const { t } = useTranslation();
  const page = useLoaderData<typeof loader>();
  const answer = useActionData<ActionAnswer>();
  const errors = answer?.errors ?? {};
  const typed = { errors, values: answer?.values ?? {} };
  return (
    <div className="form">
      <StaffPageHeader
        back={{ to: "/conferences", text: t("conferences:hub.back") }}
        heading={t("conferences:schedule.heading")}
        errors={errors}
      />
      <p className="hint">{t("conferences:schedule.zone", { zone: page.zone })}</p>
      <Form method="post" noValidate data-form="conference">
        <CsrfInput />
        <WhenFields typed={typed} />
        <TextField
          {...typedField(typed, "place")}
          label={t("conferences:schedule.place")}
          hint={t("conferences:schedule.placeHint")}
        />
        <TextField
          {...typedField(typed, "videoUrl")}
          type="url"
          label={t("conferences:schedule.videoUrl")}
          hint={t("conferences:schedule.videoHint")}
          autoComplete="off"
        />
        <SelectField
          {...typedField(typed, "chairId", page.me)}
          label={t("conferences:schedule.chair")}
          options={page.invitees.map((p) => ({
            value: p.id,
            label: `${personName(p.familyName, p.givenName)} (${p.site})`,
          }))}
        />
        <AttendeeLists invitees={page.invitees} me={page.me} checked={answer?.attendees} error={errors.attendees} />
        <SubmitRow
          submit={t("conferences:schedule.submit")}
          cancel={{ to: "/conferences", text: t("queue:actionPage.cancel") }}
        />
      </Form>
    </div>
  );
}
