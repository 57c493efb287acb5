package org.twittner.media.boundary;

import jakarta.servlet.http.HttpServletRequest;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.core.FileUploadSizeException;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import org.twittner.media.control.MediaStore;
import org.twittner.platform.RequestParams;

/**
 * A multipart upload read as it streams in: text fields into memory, the one expected file part
 * into a temporary file. The size limit stops the stream as soon as it is crossed; nothing of an
 * oversized upload is kept.
 */
final class UploadedForm implements AutoCloseable {

    /** All text fields together, names included; the file is limited on its own. */
    private static final int MAX_FIELDS_BYTES = 256 * 1024;
    /** An upload form has a handful of parts; a thousand empty ones is an attack. */
    private static final int MAX_PARTS = 32;
    /** What a part costs beyond its name and value (header lines, list entries). */
    private static final int PART_OVERHEAD_BYTES = 256;

    final RequestParams params;
    /** The uploaded file, or null when there was none (or it was too large). */
    final Path file;
    final String fileName;
    /** The body was not read to its end (over the limit, or malformed). */
    final boolean abandoned;
    /** The file was over the size limit. */
    final boolean tooLarge;

    private UploadedForm(RequestParams params, Path file, String fileName, boolean abandoned, boolean tooLarge) {
        this.params = params;
        this.file = file;
        this.fileName = fileName;
        this.abandoned = abandoned;
        this.tooLarge = tooLarge;
    }

    static UploadedForm read(HttpServletRequest request, String fileField, long maxFileBytes, MediaStore store)
            throws IOException {
        Map<String, List<String>> query = RequestParams.parseQuery(request.getQueryString());
        String sessionHeader = request.getHeader(RequestParams.SESSION_ID);
        if (!RequestParams.isMultipart(request.getContentType())) {
            // no file can be in it; the urlencoded fields still say who is calling
            return new UploadedForm(RequestParams.read(request), null, null, false, false);
        }
        Map<String, List<String>> fields = new HashMap<>();
        Path file = null;
        String fileName = null;
        boolean abandoned = false;
        boolean tooLarge = false;
        int fieldBytes = 0;
        int parts = 0;
        JakartaServletFileUpload<?, ?> upload = new JakartaServletFileUpload<>();
        upload.setMaxFileSize(maxFileBytes);
        // a body declared larger than this is refused before any of it is read (its fields
        // too: the caller is then known only from a session_id header or query parameter)
        upload.setMaxSize(maxFileBytes + MAX_FIELDS_BYTES + MAX_PARTS * PART_OVERHEAD_BYTES);
        try {
            FileItemInputIterator items = upload.getItemIterator(request);
            while (items.hasNext()) {
                FileItemInput item = items.next();
                if (++parts > MAX_PARTS) {
                    abandoned = true;
                    break;
                }
                try (InputStream in = item.getInputStream()) {
                    if (item.isFormField()) {
                        byte[] value = in.readNBytes(RequestParams.MAX_TEXT_FIELD_BYTES + 1);
                        fieldBytes += value.length + String.valueOf(item.getFieldName()).length() + PART_OVERHEAD_BYTES;
                        if (value.length > RequestParams.MAX_TEXT_FIELD_BYTES || fieldBytes > MAX_FIELDS_BYTES) {
                            abandoned = true; // an upload form has no field this large
                            break;
                        }
                        fields.computeIfAbsent(item.getFieldName(), k -> new ArrayList<>())
                                .add(new String(value, StandardCharsets.UTF_8));
                    } else if (fileField.equals(item.getFieldName()) && file == null) {
                        file = store.newTempFile();
                        fileName = item.getName();
                        Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                    }
                    // other file parts are skipped unread: closing the stream discards them
                }
            }
        } catch (FileUploadSizeException overLimit) {
            abandoned = true;
            tooLarge = true;
        } catch (FileUploadException | InvalidPathException | EOFException overLimitOrMalformed) {
            abandoned = true; // over a limit, not multipart, a file name with a NUL, or cut short
        } catch (IOException | RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
        if (abandoned) { // what was read of a refused form is not used
            deleteQuietly(file);
            file = null;
        }
        return new UploadedForm(new RequestParams(query, fields, sessionHeader), file, fileName, abandoned, tooLarge);
    }

    @Override
    public void close() {
        deleteQuietly(file);
    }

    private static void deleteQuietly(Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // a stale temporary file is removed by the media store after the next start
            }
        }
    }
}
