package org.twittner.media.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.twittner.media.control.LocalMediaStore;

/**
 * Serves {@code /upload/...} from the media directory. Stored names are unique and never
 * rewritten, so they are cacheable for a year. The default pictures ship inside the WAR and are
 * used unless the media directory holds its own.
 */
@WebServlet("/upload/*")
public class MediaFileServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String DEFAULTS = "/WEB-INF/media-defaults/";
    private static final Pattern DEFAULT_NAME = Pattern.compile("/default/[A-Za-z0-9_-]+\\.(png|jpg)");
    private static final Map<String, String> TYPES = Map.of(
            "jpg", "image/jpeg", "jpeg", "image/jpeg", "png", "image/png", "gif", "image/gif",
            "webp", "image/webp", "mp4", "video/mp4", "mov", "video/quicktime", "webm", "video/webm",
            "3gp", "video/3gpp");

    @Inject
    transient LocalMediaStore store;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String relative = request.getPathInfo();
        Path file = relative == null ? null : store.resolve(LocalMediaStore.PREFIX + relative.substring(1));
        if (file != null && Files.isRegularFile(file) && serveFile(file, request, response)) {
            return;
        }
        URL bundled = relative != null && DEFAULT_NAME.matcher(relative).matches()
                ? getServletContext().getResource(DEFAULTS + relative.substring("/default/".length())) : null;
        if (bundled == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        URLConnection resource = bundled.openConnection();
        response.setContentType(typeOf(relative));
        response.setContentLengthLong(resource.getContentLengthLong());
        response.setHeader("Cache-Control", "public, max-age=86400");
        response.setHeader("X-Content-Type-Options", "nosniff");
        try (InputStream in = resource.getInputStream()) {
            copy(in, request, response);
        }
    }

    /** False when the file went away meanwhile (a replaced avatar, deleted after its swap). */
    private boolean serveFile(Path file, HttpServletRequest request, HttpServletResponse response) throws IOException {
        long modified;
        long size;
        InputStream in;
        try {
            modified = Files.getLastModifiedTime(file).toMillis();
            size = Files.size(file);
            in = Files.newInputStream(file);
        } catch (NoSuchFileException gone) {
            return false;
        }
        try (in) {
            String etag = "\"" + Long.toHexString(size) + "-" + Long.toHexString(modified) + "\"";
            response.setHeader("ETag", etag);
            response.setDateHeader("Last-Modified", modified);
            response.setHeader("Cache-Control", "public, max-age=31536000, immutable");
            response.setHeader("X-Content-Type-Options", "nosniff");
            if (notModified(request, etag, modified)) {
                response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
                return true;
            }
            response.setContentType(typeOf(file.getFileName().toString()));
            response.setContentLengthLong(size);
            copy(in, request, response);
        }
        return true;
    }

    private static boolean notModified(HttpServletRequest request, String etag, long modified) {
        String ifNoneMatch = request.getHeader("If-None-Match");
        if (ifNoneMatch != null) {
            return ifNoneMatch.equals(etag);
        }
        try {
            long since = request.getDateHeader("If-Modified-Since");
            return since >= 0 && since >= modified / 1000 * 1000;
        } catch (IllegalArgumentException malformedDate) {
            return false;
        }
    }

    /** The body, except for HEAD (Servlet 6 runs doGet for HEAD with the real response). */
    private static void copy(InputStream in, HttpServletRequest request, HttpServletResponse response) {
        if ("HEAD".equals(request.getMethod())) {
            return;
        }
        try {
            OutputStream out = response.getOutputStream();
            in.transferTo(out);
        } catch (IOException clientWentAway) {
            // nothing to answer: the client closed the connection
        }
    }

    private static String typeOf(String name) {
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(extension, "application/octet-stream");
    }
}
