package org.twittner.account.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import org.twittner.media.control.VideoRejected;
import org.twittner.media.control.VideoUploads;

/**
 * verify_user's video: checked with ffprobe and re-encoded without metadata (with a poster
 * frame) outside any transaction, then recorded by {@link Verifications}; if recording fails,
 * no file is left.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class VerificationUploads {

    /** A video message for a moderator: long enough to say who one is, short enough to review. */
    static final double MAX_VIDEO_SECONDS = 120;

    @Inject
    VideoUploads videos;

    @Inject
    Verifications verifications;

    public void submit(long userId, VerificationForm form, Path upload, String fileName) throws VideoRejected, IOException {
        videos.store(upload, fileName, MAX_VIDEO_SECONDS, "video_verification", "image_verification_poster",
                (source, poster, made) -> {
                    verifications.record(userId, form, source, poster);
                    return null;
                });
    }
}
