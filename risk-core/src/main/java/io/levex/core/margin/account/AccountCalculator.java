package io.levex.core.margin.account;

import io.levex.core.margin.CurrencyMarginResult;
import io.levex.core.margin.StatusBands;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the cross-collateral account view from per-currency margin results of any margin model.
 * <p>
 * Per currency c with margin balance B_c (currency units), index X_c (USD per unit) and haircut h_c:
 * {@code crossValue_c = (1 - h_c) B_c X_c} if {@code B_c > 0}, else {@code B_c X_c}. Cross margin balance
 * {@code MB = sum crossValue_c}; {@code IM = sum IM_c X_c}; {@code MM = sum MM_c X_c}; available funds
 * {@code MB - IM}; margin ratio {@code MM / MB}; status from the bands on {@code MB / MM}.
 * <p>
 * Stateless and thread-safe.
 */
public final class AccountCalculator {

  /** Default instance. */
  public static final AccountCalculator DEFAULT = new AccountCalculator();

  private AccountCalculator() {
  }

  /**
   * Computes the cross-collateral view.
   *
   * @param currencies  per-currency results, amounts in each currency with its USD index
   * @param haircuts  the collateral haircuts
   * @param bands  the status bands
   * @return the account state
   */
  public AccountState cross(List<CurrencyMarginResult> currencies, CollateralHaircuts haircuts, StatusBands bands) {
    List<CurrencyBalance> balances = new ArrayList<>();
    double equityUsd = 0;
    double mbUsd = 0;
    double imUsd = 0;
    double mmUsd = 0;
    for (CurrencyMarginResult c : currencies) {
      double x = c.indexUsd();
      double h = haircuts.haircut(c.currency());
      double balanceUsd = c.marginBalance() * x;
      double crossValue = crossValueUsd(balanceUsd, h);
      balances.add(new CurrencyBalance(c.currency(), x, c.equity(), c.marginBalance(), c.equity() * x, balanceUsd, h, crossValue));
      equityUsd += c.equity() * x;
      mbUsd += crossValue;
      imUsd += c.initialMargin() * x;
      mmUsd += c.maintenanceMargin() * x;
    }
    return new AccountState(balances, equityUsd, mbUsd, imUsd, mmUsd, mbUsd - imUsd,
        StatusBands.marginRatio(mbUsd, mmUsd), bands.classify(mbUsd, mmUsd));
  }

  /**
   * The value a balance adds to the cross margin balance.
   *
   * @param balanceUsd  the balance, USD at the index (signed)
   * @param haircut  the haircut in [0, 1]
   * @return {@code (1 - haircut) x balance} for a positive balance, the balance itself otherwise, USD
   */
  public static double crossValueUsd(double balanceUsd, double haircut) {
    return balanceUsd > 0 ? (1.0 - haircut) * balanceUsd : balanceUsd;
  }
}
