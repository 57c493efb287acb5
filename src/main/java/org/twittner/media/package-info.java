/**
 * Media: a library, without feature code. Where files live ({@code MediaStore}), the image
 * pipeline (bounds, EXIF orientation, no metadata), public URLs, the {@code /upload/*} file
 * server, and the upload servlet base that components with file endpoints extend
 * ({@code boundary.MediaUploadServlet}).
 *
 * <p>Endpoints: none of the API; serves {@code GET /upload/...} (contract: ../shared/api/README.md, media rules).
 * <p>May depend on: platform.
 */
package org.twittner.media;
