import { Form, type FormProps } from "@remix-run/react";
import type { ButtonHTMLAttributes, ReactNode } from "react";
import { CsrfInput } from "~/components/csrf-input";

/** How a submit button looks: the main step, a side step, or one that ends or takes something away. */
export type ButtonVariant = "primary" | "secondary" | "warning";

type SubmitButtonProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, "type" | "className"> & {
  variant?: ButtonVariant;
};

/** A form's submit button, its look named by `variant` (`button`, `button button--secondary`, `button button--warning`). */
export function SubmitButton({ variant = "primary", children, ...button }: SubmitButtonProps) {
  return (
    <button type="submit" className={variant === "primary" ? "button" : `button button--${variant}`} {...button}>
      {children}
    </button>
  );
}

type Props = Omit<FormProps, "method"> & {
  /** Posted as a hidden `intent`, for a page whose action serves more than one form. */
  intent?: string;
  /** The submit button after the fields; left out when the children end the form themselves (e.g. `SubmitRow`). */
  submit?: SubmitButtonProps & { text: ReactNode };
};

/**
 * A form that changes something: it posts, carries the CSRF token every such form needs (checked centrally in
 * server/csrf-guard.ts), then its fields, then its submit button. Other attributes (`data-form`, `noValidate`,
 * `reloadDocument`, `className`) go to the form as given.
 */
export function PostForm({ intent, submit, children, ...form }: Props) {
  const { text, ...button } = submit ?? { text: null };
  return (
    <Form method="post" {...form}>
      <CsrfInput />
      {intent ? <input type="hidden" name="intent" value={intent} /> : null}
      {children}
      {submit ? <SubmitButton {...button}>{text}</SubmitButton> : null}
    </Form>
  );
}
