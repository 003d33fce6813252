/** An item's explanation and the official sources it cites, as both checklists (patient's and team's) show them. */
export function TravelItemText({ body, sources }: { body: string; sources: string[] }) {
  return (
    <>
      <p>{body}</p>
      {sources.length > 0 ? (
        <ul className="travel-list__sources">
          {sources.map((href) => (
            <li key={href}>
              <a href={href} rel="noreferrer">
                {href}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
