/**
 * How the page's JavaScript tells the upload door how many files a body carries: with the count, the server can
 * refuse from Content-Length alone a body larger than that many files may be, before reading a byte of it.
 */
export const uploadFilesHeader = "X-Upload-Files";

/** Room for the multipart boundaries, part headers and small fields around the files. */
export const MULTIPART_OVERHEAD_BYTES = 1024 * 1024;
