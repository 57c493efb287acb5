package org.twittner.user.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** ColibriSM's country table (ids 1-242 with gaps), read from countries.tsv. */
public final class Countries {

    private static final Map<Integer, String> NAMES = load();

    private Countries() {
    }

    /** The English name, or "" for an id that is not in the table. */
    public static String name(int countryId) {
        return NAMES.getOrDefault(countryId, "");
    }

    private static Map<Integer, String> load() {
        Map<Integer, String> names = new HashMap<>();
        try (InputStream in = Countries.class.getResourceAsStream("countries.tsv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.readLine(); // header: id, iso2, name
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] columns = line.split("\t", -1);
                names.put(Integer.parseInt(columns[0]), columns[2]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(names);
    }
}
