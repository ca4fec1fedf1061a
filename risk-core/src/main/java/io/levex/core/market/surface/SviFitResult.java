package io.levex.core.market.surface;

import java.util.Objects;

/**
 * The result of fitting one SVI slice.
 *
 * @param parameters  the fitted raw SVI parameters
 * @param rmsVolError  root mean square of (fitted vol - market vol) over the quotes with positive weight,
 *     unweighted, vol decimal
 * @param maxAbsVolError  largest |fitted vol - market vol| over the quotes with positive weight, vol decimal
 * @param iterations  Levenberg-Marquardt iterations
 * @param evaluations  model evaluations (residuals and Jacobian)
 * @param converged  false when the optimiser hit its iteration limit; the parameters are then the best point
 *     evaluated
 */
public record SviFitResult(
    SviParameters parameters, double rmsVolError, double maxAbsVolError, int iterations, int evaluations, boolean converged) {

  /** Validates the components. */
  public SviFitResult {
    Objects.requireNonNull(parameters, "parameters");
  }
}
