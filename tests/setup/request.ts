/** Builds a same-origin request carrying a CSRF token, as a browser form post would. */
export function formRequest(
  url: string,
  fields: Record<string, string>,
  options: { cookie?: string; lng?: string } = {},
) {
  const token = "t".repeat(43);
  const body = new URLSearchParams({ _csrf: token, ...fields });
  const cookies = [`kq_csrf=${token}`, options.cookie, options.lng ? `lng=${options.lng}` : undefined]
    .filter(Boolean)
    .join("; ");
  return new Request(`http://localhost${url}`, {
    method: "POST",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Cookie: cookies,
      Origin: "http://localhost",
      Host: "localhost",
    },
    body,
  });
}
