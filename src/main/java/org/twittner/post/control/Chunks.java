package org.twittner.post.control;

import java.util.ArrayList;
import java.util.List;

/** Long id lists cut into statements of a bounded size (a thread may have thousands of replies). */
final class Chunks {

    static final int SIZE = 500;

    private Chunks() {
    }

    static List<List<Long>> of(List<Long> ids) {
        List<List<Long>> chunks = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += SIZE) {
            chunks.add(ids.subList(i, Math.min(ids.size(), i + SIZE)));
        }
        return chunks;
    }
}
