import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { ErrorSummary } from "~/components/forms/error-summary";

type Props = {
  /** The way back to the list or record this page belongs to, above the heading. */
  back?: { to: string; text: string; className?: string };
  heading: ReactNode;
  /** One sentence under the heading (`p.lead`). */
  lead?: ReactNode;
  /** What the last step did, in a success banner that screen readers announce; nothing when null. */
  done?: { text: ReactNode; testId?: string } | null;
  /** The form's errors: the error summary, focused when it appears. */
  errors?: Record<string, string>;
  formError?: string | null;
  /** Key facts of the record the page is about (code, patient, status), as a short definition list. */
  facts?: { key: string; label: ReactNode; value: ReactNode }[];
};

/**
 * The top of a staff page, in the order every staff page keeps: back link, heading, lead, what was just done, what
 * is wrong with the form, and the record's key facts. Parts not given are not drawn.
 */
export function StaffPageHeader({ back, heading, lead, done, errors, formError, facts }: Props) {
  return (
    <>
      {back ? (
        <p className={back.className}>
          <Link to={back.to}>{back.text}</Link>
        </p>
      ) : null}
      <h1>{heading}</h1>
      {lead ? <p className="lead">{lead}</p> : null}
      {done ? (
        <div className="banner banner--success" role="status" data-testid={done.testId}>
          <p>{done.text}</p>
        </div>
      ) : null}
      <ErrorSummary errors={errors} formError={formError ?? undefined} />
      {facts?.length ? (
        <dl className="referral-head">
          {facts.map((fact) => (
            <div key={fact.key}>
              <dt>{fact.label}</dt>
              <dd>{fact.value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
    </>
  );
}
