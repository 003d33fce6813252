// The part of dicom-parser (which ships no types) that the upload sniffer uses.
declare module "dicom-parser" {
  export type DataSet = { string(tag: string): string | undefined };
  const dicomParser: { readPart10Header(byteArray: Uint8Array): DataSet };
  export default dicomParser;
}
