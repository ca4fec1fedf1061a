package io.levex.cli.output;

import io.levex.cli.offline.CsvBatch;
import io.levex.core.basics.Asset;
import io.levex.core.margin.liquidation.LiquidationSurface;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The PNG chart of {@code levex margin --plot}, drawn headless with JFreeChart: the margin ratio MM / margin balance
 * (percent) of one currency against the index level of one underlying, one line per vol shift (a slice of the
 * liquidation surface), with the liquidation line at 100%, the current index and the liquidation prices marked.
 */
public final class MarginCharts {

  static {
    System.setProperty("java.awt.headless", "true");
  }

  /** Ratios above this (percent) are not drawn: the account is long liquidated there. */
  public static final double MAX_RATIO_PCT = 300;

  private static final Color[] PALETTE = {
      new Color(0x2ca02c), new Color(0x1f77b4), Color.BLACK, new Color(0xff7f0e), new Color(0xd62728), new Color(0x9467bd)};
  private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 18);
  private static final Font SUBTITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
  private static final Color GRID = new Color(0xd9d9d9);

  private MarginCharts() {
  }

  /**
   * Draws the chart.
   *
   * @param currency  the currency whose ratio is drawn
   * @param s  the surface: relative index moves x vol shifts
   * @param indexUsd  the current index, USD per coin
   * @param liquidationPrices  the liquidation prices, USD per coin
   * @param file  the portfolio file's name
   * @param asOf  the valuation time
   * @return the chart
   */
  public static JFreeChart ratioChart(Asset currency, LiquidationSurface s, double indexUsd, List<Double> liquidationPrices,
      String file, Instant asOf) {
    XYSeriesCollection data = new XYSeriesCollection();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    for (int j = 0; j < s.volShifts().size(); j++) {
      double dv = s.volShifts().get(j);
      String name = dv == 0 ? "vols as marked" : String.format(java.util.Locale.ROOT, "vols %+.0f points", 100 * dv);
      XYSeries series = new XYSeries(name, false, true);
      for (int i = 0; i < s.moves().size(); i++) {
        double pct = 100 * s.ratio(i, j);
        series.add(indexUsd * (1 + s.moves().get(i)), Double.isFinite(pct) && pct <= MAX_RATIO_PCT ? pct : Double.NaN);
      }
      data.addSeries(series);
      renderer.setSeriesPaint(j, PALETTE[j % PALETTE.length]);
      renderer.setSeriesStroke(j, new BasicStroke(dv == 0 ? 2.8f : 1.6f));
    }
    NumberAxis x = new NumberAxis(s.underlying() + " index (USD per coin)");
    x.setAutoRangeIncludesZero(false);
    NumberAxis y = new NumberAxis("margin ratio MM / margin balance (%), " + currency);
    y.setAutoRangeIncludesZero(true);
    y.setUpperBound(MAX_RATIO_PCT);
    XYPlot plot = new XYPlot(data, x, y, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(GRID);
    plot.setRangeGridlinePaint(GRID);
    plot.setOutlinePaint(Color.GRAY);
    plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
    ValueMarker liquidation = new ValueMarker(100, new Color(0xd62728), new BasicStroke(1.5f));
    liquidation.setLabel("liquidation (100%)");
    liquidation.setLabelFont(SUBTITLE);
    liquidation.setLabelBackgroundColor(Color.WHITE);
    liquidation.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
    liquidation.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
    plot.addRangeMarker(liquidation);
    ValueMarker now = new ValueMarker(indexUsd, Color.DARK_GRAY, new BasicStroke(1f));
    now.setLabel(" index now ");
    now.setLabelFont(SUBTITLE);
    now.setLabelBackgroundColor(Color.WHITE);
    now.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
    now.setLabelTextAnchor(TextAnchor.TOP_LEFT);
    plot.addDomainMarker(now);
    float[] dash = {6f, 4f};
    for (double p : liquidationPrices) {
      if (p >= indexUsd * (1 + s.moves().get(0)) && p <= indexUsd * (1 + s.moves().get(s.moves().size() - 1))) {
        plot.addDomainMarker(new ValueMarker(p, new Color(0xd62728),
            new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, dash, 0f)));
      }
    }
    JFreeChart chart = new JFreeChart(file + ": " + currency + " margin ratio vs " + s.underlying() + " index, as of " + asOf,
        TITLE, plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    TextTitle sub = new TextTitle("index -60% ... +100%, everything else fixed; options re-marked by the scenario engine, the model re-run at"
        + " each level; dashed: liquidation prices (vols as marked); not drawn above " + (int) MAX_RATIO_PCT + "%", SUBTITLE);
    sub.setPaint(Color.DARK_GRAY);
    chart.addSubtitle(sub);
    chart.getLegend().setFrame(BlockBorder.NONE);
    chart.getLegend().setPosition(RectangleEdge.BOTTOM);
    return chart;
  }

  /**
   * Writes a chart as PNG.
   *
   * @param chart  the chart
   * @param file  the file
   * @param width  pixels
   * @param height  pixels
   * @throws SurfaceCharts.ChartWriteException when the file cannot be written
   */
  public static void write(JFreeChart chart, Path file, int width, int height) throws SurfaceCharts.ChartWriteException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
      ChartUtils.writeChartAsPNG(out, chart, width, height);
    } catch (IOException ex) {
      String reason = ex instanceof FileSystemException f && f.getReason() != null ? f.getReason() : CsvBatch.describe(ex);
      throw new SurfaceCharts.ChartWriteException("cannot write plot file " + file + ": " + reason, ex);
    }
  }
}
