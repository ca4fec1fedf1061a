package io.levex.core.risk;

import java.time.Instant;
import java.util.Optional;

/**
 * Exposure of the positions of one underlying that share an expiry.
 *
 * @param expiry  the expiry; empty for perpetuals and spot
 * @param totals  the totals
 */
public record ExpiryBucket(Optional<Instant> expiry, ExposureTotals totals) {
}
