import { Link } from "@remix-run/react";

type Props = {
  /** The button's words: what posting the form does. */
  submit: string;
  /** Where leaving without posting goes, and its words. */
  cancel: { to: string; text: string };
  /** The form ends or takes away something (revoke, suspend, reset): the button says so by its colour too. */
  warning?: boolean;
  disabled?: boolean;
};

/** The end of a form: the submit button, and beside it the way out without posting. */
export function SubmitRow({ submit, cancel, warning = false, disabled }: Props) {
  return (
    <div className="button-row">
      <button type="submit" className={warning ? "button button--warning" : "button"} disabled={disabled}>
        {submit}
      </button>
      <Link to={cancel.to}>{cancel.text}</Link>
    </div>
  );
}
