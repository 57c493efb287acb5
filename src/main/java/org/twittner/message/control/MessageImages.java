package org.twittner.message.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.twittner.media.control.ImagePipeline;
import org.twittner.media.control.ImageRejected;
import org.twittner.media.control.ImageWorkers;
import org.twittner.media.control.MediaLedger;
import org.twittner.media.control.MediaPaths;
import org.twittner.media.control.MediaStore;
import org.twittner.platform.Clock;
import org.twittner.platform.Deadlocks;
import org.twittner.platform.TwittnerConfig;

/**
 * send_message with an image: the permission is checked before the file is decoded, then the
 * image goes through the pipeline outside any transaction (scaled to the post images' longest
 * side, JPEG without metadata), then {@link Messages#sendImage} records it (again after a
 * deadlock, as a text message is). The ledger covers a crash in between; a refusal or failure
 * deletes the file.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MessageImages {

    @Inject
    TwittnerConfig config;

    @Inject
    MediaStore store;

    @Inject
    ImageWorkers workers;

    @Inject
    MediaLedger ledger;

    @Inject
    Clock clock;

    @Inject
    Messages messages;

    public MessageView send(long senderId, long recipientId, Path upload, String fileName) throws ImageRejected, IOException {
        messages.checkMayWrite(senderId, recipientId);
        String path = MediaPaths.newPath(clock.today(), "images", "message_image", "jpg");
        String token = ledger.expect(List.of(path));
        try {
            workers.run(() -> {
                store.putJpeg(new ImagePipeline(config.imageMaxPixels()).bounded(upload, fileName, config.postImageMaxSide()),
                        path);
                return null;
            });
            return Deadlocks.retry(() -> messages.sendImage(senderId, recipientId, path));
        } catch (IOException | ImageRejected | RuntimeException failed) {
            store.delete(path);
            throw failed;
        } finally {
            ledger.settle(token);
        }
    }
}
