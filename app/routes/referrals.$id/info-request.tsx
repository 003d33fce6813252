import { useTranslation } from "react-i18next";
import { useDateTime } from "~/components/intake/history";
import { AnswerRequestForm } from "~/components/intake/answer-request-form.lazy";
import type { AnswerRequestFormProps } from "~/components/intake/answer-request-form";
import { UploadForm, type UploadAnswer } from "~/components/intake/upload-form";
import type { InfoRequest } from "~/modules/intake/intake.service.server";

type Props = {
  referralId: string;
  request: InfoRequest;
  /** The upload form's last answer, if the last post was an upload. */
  upload: UploadAnswer | null;
  maxFileMb: number;
  answer: AnswerRequestFormProps;
};

/** The team's open request for information: its note, the documents asked for (with an upload form) and the answer. */
export function InfoRequestSection({ referralId, request, upload, maxFileMb, answer }: Props) {
  const { t } = useTranslation();
  const when = useDateTime();
  return (
    <section className="info-request" aria-labelledby="request-title" data-testid="info-request">
      <h2 id="request-title">{t("intake:referral.requestTitle")}</h2>
      <p>{t("intake:referral.requestIntro", { when: when(request.at) })}</p>
      {request.note ? (
        <>
          <p className="decision__label">{t("intake:referral.requestMessage")}</p>
          <blockquote className="history__note">{request.note}</blockquote>
        </>
      ) : null}
      {request.documents.length ? (
        <>
          <h3>{t("intake:referral.requestedDocuments")}</h3>
          <RequestedDocuments documents={request.documents} />
          <UploadForm
            referralId={referralId}
            action={`/referrals/${referralId}`}
            posted={upload}
            maxFileMb={maxFileMb}
            defaultKind="other"
          />
        </>
      ) : null}
      <AnswerRequestForm {...answer} />
    </section>
  );
}

/** Known document kinds in the reader's words; anything else the team typed, as typed. */
function RequestedDocuments({ documents }: { documents: string[] }) {
  const { t, i18n } = useTranslation();
  return (
    <ul>
      {documents.map((doc) => (
        <li key={doc}>{i18n.exists(`intake:documents.items.${doc}`) ? t(`intake:documents.items.${doc}`) : doc}</li>
      ))}
    </ul>
  );
}
