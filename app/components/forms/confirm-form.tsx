import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { CsrfInput } from "~/components/csrf-input";
import { SubmitRow } from "./submit-row";

type Props = {
  /** What is about to happen, to whom: the page's lead. */
  question: string;
  /** What it will change, said before anything happens. */
  effect: string;
  /** The form's `data-form` name, which the browser tests find it by. */
  name: string;
  submit: string;
  cancel: { to: string; text: string };
  /** Anything the form asks besides the confirmation (a reason, say). */
  children?: ReactNode;
};

/**
 * The body of a page that confirms a step taking something away (suspend an account, revoke an exchange grant,
 * reset a second factor): the question, its effect, and a form whose button is a warning, with the way back beside it.
 */
export function ConfirmForm({ question, effect, name, submit, cancel, children }: Props) {
  return (
    <>
      <p className="lead">{question}</p>
      <p>{effect}</p>
      <Form method="post" data-form={name} noValidate>
        <CsrfInput />
        {children}
        <SubmitRow submit={submit} cancel={cancel} warning />
      </Form>
    </>
  );
}
