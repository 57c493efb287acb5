package org.twittner.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The time, injected rather than read statically, so that tests can move it (token expiry
 * today; swifts' 24 hours and reset links next). Tests deploy a subclass as an
 * {@code @Alternative}; production has only this one.
 */
@ApplicationScoped
public class Clock {

    public Instant instant() {
        return Instant.now();
    }

    /** Unix seconds, the form every time is stored and sent in. */
    public long unixSeconds() {
        return instant().getEpochSecond();
    }

    public LocalDate today() {
        return LocalDate.ofInstant(instant(), ZoneOffset.UTC);
    }
}
