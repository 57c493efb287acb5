package org.twittner.media.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.twittner.platform.TwittnerConfig;

/**
 * Absolute URLs of stored media. Paths are stored as the reference stores them
 * ({@code upload/avatars/2026/11/...jpg}, relative to the site root), so an imported ColibriSM
 * database and its {@code upload} folder work unchanged. Unset images get the default picture:
 * the Java client cannot parse "" as a URL.
 */
@ApplicationScoped
public class MediaUrls {

    public static final String DEFAULT_AVATAR = "upload/default/avatar.png";
    public static final String DEFAULT_COVER = "upload/default/cover.png";

    @Inject
    TwittnerConfig config;

    public String url(String path) {
        return config.publicUrl() + "/" + path;
    }

    public String avatarUrl(String path) {
        return url(path == null || path.isEmpty() ? DEFAULT_AVATAR : path);
    }

    public String coverUrl(String path) {
        return url(path == null || path.isEmpty() ? DEFAULT_COVER : path);
    }
}
