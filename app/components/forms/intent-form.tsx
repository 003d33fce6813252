import { Form, type FormProps } from "@remix-run/react";
import type { ReactNode } from "react";
import { CsrfInput } from "~/components/csrf-input";

type Props = Omit<FormProps, "method"> & {
  /** Which of the page's forms this is: the action reads `intent` to know what was asked. */
  intent: string;
  children: ReactNode;
};

/** A posted form of a page whose action answers several: the CSRF token and the form's intent come first. */
export function IntentForm({ intent, children, ...form }: Props) {
  return (
    <Form method="post" {...form}>
      <CsrfInput />
      <input type="hidden" name="intent" value={intent} />
      {children}
    </Form>
  );
}
