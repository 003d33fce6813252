/** Official sources as a list of links, their addresses as their names (no words to translate, nothing hidden). */
export function SourceList({ sources, className }: { sources: readonly string[]; className: string }) {
  return (
    <ul className={className}>
      {sources.map((url) => (
        <li key={url}>
          <a href={url} rel="noreferrer">
            {url}
          </a>
        </li>
      ))}
    </ul>
  );
}
