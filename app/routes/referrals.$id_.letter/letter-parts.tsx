import { useTranslation } from "react-i18next";
import { LetterItemLink, useLetterItemText } from "~/components/letters/letter-item";
import type { LetterContent } from "~/modules/letters/compose-letter";

/**
 * The decision letter as composed for its recipient, laid out as the printed page. The letter is in the physician's
 * language, which may differ from the page's: lang tells readers and screen readers.
 */
export function LetterArticle({ content: c }: { content: LetterContent }) {
  return (
    <article className="letter" lang={c.lang} data-testid="letter" aria-labelledby="letter-title">
      <header className="letter__head">
        <p className="letter__site">{c.letterhead}</p>
        <p className="letter__department">{c.department}</p>
      </header>
      <p className="letter__date">{c.date}</p>
      <div className="letter__recipient">
        {c.recipient.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
      <h2 id="letter-title">{c.title}</h2>
      <dl className="letter__facts">
        {c.facts.map((fact) => (
          <div key={fact.label} style={{ display: "contents" }}>
            <dt>{fact.label}</dt>
            <dd>{fact.value}</dd>
          </div>
        ))}
      </dl>
      <p>{c.salutation}</p>
      <p>{c.opening}</p>
      {c.sections.map((section) => (
        <section key={section.id} aria-labelledby={`letter-${section.id}`} data-section={section.id}>
          <h3 id={`letter-${section.id}`}>{section.heading}</h3>
          {section.paragraphs.map((p, index) => (
            <div key={index}>
              {p.label ? <p className="letter__label">{p.label}</p> : null}
              {p.quoted ? <blockquote>{p.text}</blockquote> : <p>{p.text}</p>}
            </div>
          ))}
        </section>
      ))}
      <p>{c.closing}</p>
      <div className="letter__signature">
        {c.signature.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
      <p className="letter__footer">{c.footer}</p>
    </article>
  );
}

type LetterLine = { id: string; decision: string; date: string };

/** Every letter on the referral when there is more than one, the one shown marked as current. */
export function EarlierLetters(props: { referralId: string; letterId: string; letters: LetterLine[] }) {
  const { t } = useTranslation();
  const { referralId, letterId, letters } = props;
  const itemText = useLetterItemText();
  if (letters.length <= 1) return null;
  return (
    <section className="no-print" aria-labelledby="letters-heading">
      <h2 id="letters-heading">{t("decisions:letterPage.earlier")}</h2>
      <ul>
        {letters.map((l) => (
          <li key={l.id}>
            {l.id === letterId ? (
              <span aria-current="page">
                {itemText(l)} {t("decisions:letterPage.current")}
              </span>
            ) : (
              <LetterItemLink referralId={referralId} letter={l} />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
