package io.levex.core.market.surface;

import org.apache.commons.math3.exception.ConvergenceException;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.exception.TooManyIterationsException;
import org.apache.commons.math3.fitting.leastsquares.EvaluationRmsChecker;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresProblem;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;

/**
 * The reference implementation of {@link SviFitter}'s optimiser: commons-math3's {@link LevenbergMarquardtOptimizer}
 * (MINPACK's trust-region LM with a pivoted QR of the Jacobian) on the same {@link SviProblem}, exactly as
 * {@code SviFitter} ran it before the hand-written LM: same start ({@link SviProblem#start}), weighted residuals and
 * analytic Jacobian ({@link SviProblem#evaluate}), parameter validator ({@link SviProblem#clamp}), stopping rule
 * ({@link EvaluationRmsChecker} with 1e-3 relative or 1e-8 x the mean quote absolute RMS change), iteration and
 * evaluation limits, and the best point evaluated as the result. Test code only.
 */
final class CommonsMathSviReference {

  private CommonsMathSviReference() {
  }

  /**
   * Fits a loaded problem with commons-math3.
   *
   * @param p  the problem
   * @param maxIterations  the iteration limit (evaluations: 4 x as many)
   * @param relativeRmsTolerance  the checker's relative RMS tolerance (1e-3 as {@link SviFitter})
   * @return the result at the best point evaluated
   */
  static SviFitResult fit(SviProblem p, int maxIterations, double relativeRmsTolerance) {
    int n = p.n;
    double[] x0 = new double[SviProblem.PARAMETERS];
    p.start(x0);
    double[] target = java.util.Arrays.copyOf(p.target, n);
    double[] bestX = x0.clone();
    double[] bestCost = {Double.POSITIVE_INFINITY};
    int[] evaluationCount = {0};
    MultivariateJacobianFunction model = point -> {
      evaluationCount[0]++;
      double[] x = point.toArray();
      double[] values = new double[n];
      double[][] jacobian = new double[n][SviProblem.PARAMETERS];
      double cost = p.evaluate(x, values, jacobian);
      if (cost < bestCost[0]) {
        bestCost[0] = cost;
        System.arraycopy(x, 0, bestX, 0, x.length);
      }
      return new Pair<RealVector, RealMatrix>(new ArrayRealVector(values, false), new Array2DRowRealMatrix(jacobian, false));
    };
    LeastSquaresProblem problem = new LeastSquaresBuilder()
        .start(x0)
        .model(model)
        .target(target)
        .parameterValidator(point -> {
          double[] v = point.toArray();
          SviProblem.clamp(v);
          return new ArrayRealVector(v, false);
        })
        .checker(new EvaluationRmsChecker(relativeRmsTolerance, SviFitter.RMS_ABSOLUTE_TOLERANCE * p.meanTarget))
        .lazyEvaluation(false)
        .maxIterations(maxIterations)
        .maxEvaluations(maxIterations * SviFitter.EVALUATIONS_PER_ITERATION)
        .build();
    int iterations;
    int evaluations;
    boolean converged = true;
    try {
      LeastSquaresOptimizer.Optimum optimum = new LevenbergMarquardtOptimizer().optimize(problem);
      iterations = optimum.getIterations();
      evaluations = optimum.getEvaluations();
    } catch (TooManyEvaluationsException | TooManyIterationsException ex) {
      iterations = maxIterations;
      evaluations = evaluationCount[0];
      converged = false;
    } catch (ConvergenceException ex) {
      // the cost cannot be reduced any further at machine precision (e.g. an exact fit): the best point stands
      iterations = evaluationCount[0];
      evaluations = evaluationCount[0];
    }
    return p.result(bestX, iterations, evaluations, converged);
  }
}
