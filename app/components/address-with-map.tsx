/** A site's address after its name, and a link to the map on the line below (a consultation's place). */
export function AddressWithMap(props: { siteName: string; address: string; mapHref: string; mapText: string }) {
  return (
    <>
      {props.siteName}, {props.address}
      <br />
      <a href={props.mapHref} rel="noreferrer">
        {props.mapText}
      </a>
    </>
  );
}
