import type { ComponentProps, ReactNode } from "react";
import { ErrorSummary } from "~/components/forms/error-summary";
import { PostForm, type ButtonVariant } from "~/components/forms/post-form";
import { TextAreaField } from "~/components/forms/text-area-field";

type Props = {
  /** The heading's id, which names the section; also the link target after a post. */
  titleId: string;
  className: string;
  heading: string;
  /** What the section shows before its form (the thread so far, an introduction). */
  intro: ReactNode;
  errors: Record<string, string> | undefined;
  /** The form's `data-form` and the intent it posts, which the page's action serves it by. */
  intent: string;
  submit: { text: string; variant: ButtonVariant };
  /** The form's last field: a text box five rows high (the message, the note). */
  textBox: Omit<ComponentProps<typeof TextAreaField>, "rows">;
  /** Fields before the text box. */
  children?: ReactNode;
};

/**
 * A part of the physician's referral page that holds one form (writing to the team, withdrawing): its heading, what
 * comes first, the error summary, then the form's fields, a text box last, and the button that posts the intent.
 */
export function FormSection({ titleId, className, heading, intro, errors, intent, submit, textBox, children }: Props) {
  return (
    <section aria-labelledby={titleId} className={className}>
      <h2 id={titleId}>{heading}</h2>
      {intro}
      <ErrorSummary errors={errors} />
      <PostForm data-form={intent} noValidate className="form" submit={{ ...submit, name: "intent", value: intent }}>
        {children}
        <TextAreaField rows={5} {...textBox} />
      </PostForm>
    </section>
  );
}
