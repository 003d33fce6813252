import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ErrorSummary } from "~/components/forms/error-summary";
import { PostForm, type ButtonVariant } from "~/components/forms/post-form";
import { TextAreaField } from "~/components/forms/text-area-field";

/** What the page's action answered a form with: the errors by field, and what was typed, by field. */
type Posted = { errors: Record<string, string> };

type Props<P extends Posted> = {
  /** The section's name: its class, its heading's id (`<name>-title`) and words (`intake:<name>.title`). */
  name: "messages" | "withdraw";
  /** What the section shows before its form (the thread so far, an introduction). */
  intro: ReactNode;
  /** The form's `data-form` and the intent it posts, which the page's action serves it by. */
  intent: string;
  /** The action's last answer to this form, if the last post was this form's. */
  posted: P | undefined;
  submit: { text: string; variant: ButtonVariant };
  /** The form's last field, a text box five rows high (the message, the note): its error and text come from `posted`. */
  textBox: { name: keyof P & string; label: string; hint: string };
  /** Fields before the text box. */
  children?: ReactNode;
};

/**
 * A part of the physician's referral page that holds one form (writing to the team, withdrawing): its heading, what
 * comes first, the error summary, then the form's fields, a text box last, and the button that posts the intent.
 */
export function FormSection<P extends Posted>({ name, intro, intent, posted, submit, textBox, children }: Props<P>) {
  const { t } = useTranslation();
  const typed = posted?.[textBox.name];
  return (
    <section aria-labelledby={`${name}-title`} className={name}>
      <h2 id={`${name}-title`}>{t(`intake:${name}.title`)}</h2>
      {intro}
      <ErrorSummary errors={posted?.errors} />
      <PostForm data-form={intent} noValidate className="form" submit={{ ...submit, name: "intent", value: intent }}>
        {children}
        <TextAreaField
          rows={5}
          {...textBox}
          error={posted?.errors[textBox.name]}
          defaultValue={typeof typed === "string" ? typed : undefined}
        />
      </PostForm>
    </section>
  );
}
