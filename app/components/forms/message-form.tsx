import type { ReactNode } from "react";
import { PostForm } from "./post-form";

type Props = {
  intent: string;
  /** The form's `data-form` name, which the browser tests find it by. */
  name: string;
  /** The button's words (send, add). */
  send: string;
  /** The text box of the message. */
  children: ReactNode;
};

/** The form under a thread of messages or notes: the text box and a secondary button that posts it. */
export function MessageForm({ intent, name, send, children }: Props) {
  return (
    <PostForm intent={intent} data-form={name}>
      {children}
      <button type="submit" className="button button--secondary">
        {send}
      </button>
    </PostForm>
  );
}
