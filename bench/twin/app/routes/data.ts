// One resource route: the bare cost of a Remix JSON door.
export function loader() {
  return Response.json({ ok: true, at: new Date().toISOString() });
}

export function action() {
  return Response.json({ ok: true, at: new Date().toISOString() });
}
