package io.levex.core.margin.span;

/**
 * The scan of a combined commodity: the summed position x risk arrays and the largest loss.
 *
 * @param losses  the summed loss per scenario (extremes weighted), settlement currency
 * @param scanRisk  {@code max(0, max losses)}
 * @param worstScenario  the first scenario with the largest loss
 */
public record ScanResult(RiskArray losses, double scanRisk, SpanScenario worstScenario) {
}
