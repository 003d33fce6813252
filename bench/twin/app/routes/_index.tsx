import { useLoaderData } from "@remix-run/react";

// One page with a loader: the bare cost of a Remix document request.
export function loader() {
  return { items: ["one", "two", "three"], at: new Date().toISOString() };
}

export default function Index() {
  const { items, at } = useLoaderData<typeof loader>();
  return (
    <main>
      <h1>Twin</h1>
      <p>{at}</p>
      <ul>
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </main>
  );
}
