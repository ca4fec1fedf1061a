package io.levex.core.margin.account;

import io.levex.core.basics.Asset;
import io.levex.core.collect.Checks;
import io.levex.core.collect.InvalidInputException;
import io.levex.core.margin.MarginParameters;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Per-asset collateral haircuts for the cross-collateral view: the fraction of a positive balance's USD value
 * that does not count towards the cross margin balance. A haircut h in [0, 1] counts a positive balance at
 * {@code (1 - h) x amount x index}.
 * <p>
 * Read from the parameter keys {@code collateral.<ASSET>.haircut}. An asset with no such key is not a cross
 * collateral asset: its positive balance counts 0 in the cross view (haircut 1), never a made-up value. Immutable.
 *
 * @param haircuts  the haircut per asset, each in [0, 1]
 */
public record CollateralHaircuts(Map<Asset, Double> haircuts) {

  /** The parameter key prefix. */
  public static final String KEY_PREFIX = "collateral.";
  /** The parameter key suffix. */
  public static final String KEY_SUFFIX = ".haircut";

  /**
   * Validates and copies.
   *
   * @throws InvalidInputException INVALID_ARGUMENT naming {@code collateral.<ASSET>.haircut} and the value when a
   *     haircut lies outside [0, 1]
   */
  public CollateralHaircuts {
    Objects.requireNonNull(haircuts, "haircuts");
    Map<Asset, Double> copy = new TreeMap<>();
    haircuts.forEach((asset, h) -> {
      Objects.requireNonNull(asset, "asset");
      Objects.requireNonNull(h, "haircut");
      Checks.inRange(key(asset), h, 0.0, 1.0);
      copy.put(asset, h);
    });
    haircuts = Collections.unmodifiableMap(copy);
  }

  /**
   * Reads the haircuts of a parameter set ({@code collateral.<ASSET>.haircut} keys).
   * <p>
   * A value outside [0, 1] fails naming the key; when the set carries overrides the field is
   * {@code parameter_overrides[collateral.<ASSET>.haircut]}, the way a request names it.
   *
   * @param params  the parameters
   * @return the haircuts
   * @throws InvalidInputException INVALID_ARGUMENT for a haircut outside [0, 1]
   */
  public static CollateralHaircuts of(MarginParameters params) {
    Map<Asset, Double> map = new TreeMap<>();
    boolean overridden = params.name().endsWith("+overrides");
    for (Map.Entry<String, Double> e : params.values().entrySet()) {
      String key = e.getKey();
      if (!key.startsWith(KEY_PREFIX) || !key.endsWith(KEY_SUFFIX)) {
        continue;
      }
      String symbol = key.substring(KEY_PREFIX.length(), key.length() - KEY_SUFFIX.length());
      String field = overridden ? "parameter_overrides[" + key + "]" : key;
      try {
        Checks.inRange(field, e.getValue(), 0.0, 1.0);
      } catch (InvalidInputException ex) {
        throw InvalidInputException.invalid(field, Checks.format(e.getValue()),
            "must lie in [0, 1] (a collateral haircut, parameter set " + params.name() + ")");
      }
      map.put(Asset.of(symbol), e.getValue());
    }
    return new CollateralHaircuts(map);
  }

  /**
   * Whether an asset counts as cross collateral (has a haircut).
   *
   * @param asset  the asset
   * @return true if a haircut is defined
   */
  public boolean isCrossCollateral(Asset asset) {
    return haircuts.containsKey(asset);
  }

  /**
   * Gets the haircut applied to a positive balance of an asset.
   *
   * @param asset  the asset
   * @return the haircut in [0, 1]; 1 for an asset that is not cross collateral
   */
  public double haircut(Asset asset) {
    return haircuts.getOrDefault(asset, 1.0);
  }

  private static String key(Asset asset) {
    return KEY_PREFIX + asset.symbol() + KEY_SUFFIX;
  }
}
