import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";

type Links = {
  previous: { id: string; code: string | null } | null;
  next: { id: string; code: string | null; status: string } | null;
};

export type DecisionLinksData = { letters: { id: string; decision: string }[]; links: Links; canReferAgain: boolean };

/** "This referral follows KQ-…": on the new referral's pages, back to the one that was not accepted. */
export function FollowsNotice({ previous }: { previous: Links["previous"] }) {
  const { t } = useTranslation();
  if (!previous) return null;
  const code = previous.code ?? "";
  return (
    <p className="notice" data-testid="follows">
      {t("decisions:referAgain.follows", { code })}{" "}
      <Link to={`/referrals/${previous.id}`}>{t("decisions:referAgain.followsLink", { code })}</Link>
    </p>
  );
}

/**
 * The physician's referral page, near the top: the team's decision letter once there is one (read it first), the
 * links to the referral this one follows or was followed by, and — after a decline — referring again.
 */
export function DecisionLinks({ referralId, data }: { referralId: string; data: DecisionLinksData }) {
  const { t } = useTranslation();
  const [latest] = data.letters;
  const next = data.links.next;
  return (
    <>
      {latest ? (
        <section
          className="banner"
          aria-labelledby="letter-banner-heading"
          data-testid="letter-banner"
          data-decision={latest.decision}
        >
          <h2 id="letter-banner-heading">{t("decisions:banner.heading")}</h2>
          <p>{t(`decisions:banner.${latest.decision}`)}</p>
          <p>
            <Link className="button" to={`/referrals/${referralId}/letter`}>
              {t("decisions:banner.read")}
            </Link>
          </p>
        </section>
      ) : null}
      <FollowsNotice previous={data.links.previous} />
      {next ? (
        <p className="notice" data-testid="followed-by">
          <Link to={next.status === "draft" ? `/referrals/${next.id}/edit` : `/referrals/${next.id}`}>
            {next.code
              ? t("decisions:referAgain.followedBy", { code: next.code })
              : t("decisions:referAgain.followedByDraft")}
          </Link>
        </p>
      ) : null}
      {data.canReferAgain && !next ? (
        <section aria-labelledby="refer-again-heading" data-testid="refer-again">
          <h2 id="refer-again-heading">{t("decisions:referAgain.heading")}</h2>
          <p>{t("decisions:referAgain.intro")}</p>
          <Form method="post" action={`/referrals/${referralId}/refer-again`} data-form="refer-again">
            <CsrfInput />
            <button type="submit" className="button button--secondary">
              {t("decisions:referAgain.button")}
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
