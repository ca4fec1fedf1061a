package io.levex.cli.output;

import io.levex.cli.offline.CsvBatch;
import io.levex.cli.offline.SurfaceFitting.SliceView;
import io.levex.cli.offline.SurfaceFitting.UnderlyingSurface;
import io.levex.core.basics.Asset;
import io.levex.core.market.surface.SliceQuote;
import io.levex.core.market.surface.SviSlice;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * PNG charts of {@code levex surface}, drawn headless with JFreeChart: the smiles of one underlying (implied vol
 * in percent against log-moneyness ln(K/F); market marks as points, the SVI fit as a line, one colour per
 * expiry) and its term structure (ATM vol in percent on the left axis, 25-delta risk reversal and butterfly in
 * vol points on the right axis, against days to expiry on a log scale).
 */
public final class SurfaceCharts {

  static {
    System.setProperty("java.awt.headless", "true");
  }

  /** One colour per expiry, by increasing expiry (cycled past 12): distinct on white, none pale. */
  private static final Color[] PALETTE = {
      new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
      new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x525252),
      new Color(0xa6a600), new Color(0x17becf), Color.BLACK, new Color(0x66c2a5)};
  private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 20);
  private static final Font SUBTITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
  private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
  private static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
  private static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
  private static final Font NOTE = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
  private static final Color GRID = new Color(0xd9d9d9);
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("d MMM", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter SNAPSHOT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
  /** One marker shape per expiry (cycled), so that neighbouring colours still differ. */
  private static final Shape[] SHAPES = {
      new Ellipse2D.Double(-3.5, -3.5, 7, 7), new Rectangle2D.Double(-3.5, -3.5, 7, 7),
      new Polygon(new int[] {0, 4, -4}, new int[] {-4, 4, 4}, 3), new Polygon(new int[] {0, 5, 0, -5}, new int[] {-5, 0, 5, 0}, 4),
      new Polygon(new int[] {-4, 4, 0}, new int[] {-4, -4, 4}, 3)};
  /** Points of each fitted line. */
  private static final int LINE_POINTS = 240;

  private SurfaceCharts() {
  }

  /** A chart file that could not be written; the message names the file. */
  public static final class ChartWriteException extends Exception {

    private static final long serialVersionUID = 1L;

    ChartWriteException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  //-------------------------------------------------------------------------
  /**
   * Gets the file of one underlying's chart: the path itself, or with {@code -<COIN>} inserted before the
   * extension when every underlying gets its own file ({@code smile.png -> smile-BTC.png}).
   *
   * @param path  the path given on the command line
   * @param underlying  the coin
   * @param perUnderlying  whether the coin goes into the name
   * @return the file
   */
  public static Path target(Path path, Asset underlying, boolean perUnderlying) {
    if (!perUnderlying) {
      return path;
    }
    String name = path.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String coinName = dot > 0 ? name.substring(0, dot) + "-" + underlying.symbol() + name.substring(dot) : name + "-" + underlying.symbol();
    return path.resolveSibling(coinName);
  }

  /**
   * Checks that a chart file can be written, before any work.
   *
   * @param path  the path given on the command line
   * @param perUnderlying  whether the coin goes into the name (the directory is checked, not each file)
   * @return null when it can be written, else a one-line message naming the path
   */
  public static String unwritable(Path path, boolean perUnderlying) {
    Path dir = path.toAbsolutePath().getParent();
    String prefix = "cannot write plot file " + path + ": ";
    if (path.getFileName() == null || (!perUnderlying && Files.isDirectory(path))) {
      return prefix + "it is a directory";
    }
    if (dir == null || !Files.isDirectory(dir)) {
      return prefix + "no such directory " + dir;
    }
    if (!Files.isWritable(dir) || (!perUnderlying && Files.exists(path) && !Files.isWritable(path))) {
      return prefix + "permission denied";
    }
    return null;
  }

  //-------------------------------------------------------------------------
  /**
   * Draws the smile chart of one underlying.
   *
   * @param s  the fitted surface
   * @param snapshot  the chain's snapshot time
   * @return the chart
   */
  public static JFreeChart smileChart(UnderlyingSurface s, Instant snapshot) {
    XYSeriesCollection lines = new XYSeriesCollection();
    XYSeriesCollection points = new XYSeriesCollection();
    for (SliceView v : s.slices()) {
      SviSlice slice = v.slice();
      String label = expiryLabel(slice);
      XYSeries marks = new XYSeries(label + " marks", false, true);
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (SliceQuote q : slice.quotes()) {
        marks.add(q.logMoneyness(), 100 * q.marketVol());
        lo = Math.min(lo, q.logMoneyness());
        hi = Math.max(hi, q.logMoneyness());
      }
      double pad = 0.05 * (hi - lo);
      XYSeries fit = new XYSeries(label, false, true);
      for (int i = 0; i <= LINE_POINTS; i++) {
        double k = lo - pad + (hi - lo + 2 * pad) * i / LINE_POINTS;
        fit.add(k, 100 * slice.impliedVolAtLogMoneyness(k));
      }
      lines.addSeries(fit);
      points.addSeries(marks);
    }
    NumberAxis x = new NumberAxis("log-moneyness k = ln(K/F)");
    x.setAutoRangeIncludesZero(false);
    NumberAxis y = new NumberAxis("implied vol (%)");
    y.setAutoRangeIncludesZero(false);
    XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, false);
    XYLineAndShapeRenderer pointRenderer = new XYLineAndShapeRenderer(false, true);
    LegendItemCollection legend = new LegendItemCollection();
    Line2D legendLine = new Line2D.Double(-12, 0, 12, 0);
    for (int i = 0; i < s.slices().size(); i++) {
      Color c = PALETTE[i % PALETTE.length];
      Shape shape = SHAPES[i % SHAPES.length];
      BasicStroke stroke = new BasicStroke(2.2f);
      lineRenderer.setSeriesPaint(i, c);
      lineRenderer.setSeriesStroke(i, stroke);
      pointRenderer.setSeriesPaint(i, c);
      pointRenderer.setSeriesShape(i, shape);
      legend.add(new LegendItem(lines.getSeriesKey(i).toString(), null, null, null, true, shape, true, c, false, c, stroke,
          true, legendLine, stroke, c));
    }
    XYPlot plot = new XYPlot(lines, x, y, lineRenderer);
    plot.setDataset(1, points);
    plot.setRenderer(1, pointRenderer);
    ValueMarker atm = new ValueMarker(0.0, Color.GRAY, new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
    atm.setLabel("k = 0 (K = F)");
    atm.setLabelFont(NOTE);
    atm.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
    atm.setLabelTextAnchor(TextAnchor.TOP_LEFT);
    atm.setLabelBackgroundColor(Color.WHITE);
    plot.addDomainMarker(atm);
    plot.setFixedLegendItems(legend);
    JFreeChart chart = chart(s.underlying() + " implied vol smiles (SVI), Deribit chain " + SNAPSHOT.format(snapshot), plot,
        "points: Deribit mark IVs fitted (out-of-the-money side); lines: raw SVI fit; F = forward of the expiry; "
            + "legend: expiry (08:00 UTC), days to expiry");
    chart.getLegend().setPosition(RectangleEdge.RIGHT);
    return chart;
  }

  /**
   * Draws the term-structure chart of one underlying.
   *
   * @param s  the fitted surface
   * @param snapshot  the chain's snapshot time
   * @return the chart
   */
  public static JFreeChart termChart(UnderlyingSurface s, Instant snapshot) {
    XYSeries atm = new XYSeries("ATM vol (%, left axis)", false, true);
    XYSeries rr = new XYSeries("RR 25d = vol(25d call) - vol(25d put) (vol points, right axis)", false, true);
    XYSeries bf = new XYSeries("BF 25d = (vol(25d call) + vol(25d put))/2 - ATM vol (vol points, right axis)", false, true);
    List<XYTextAnnotation> labels = new ArrayList<>();
    for (SliceView v : s.slices()) {
      double days = v.slice().timeToExpiry() * 365;
      atm.add(days, 100 * v.slice().atmVol());
      // the date ends just above-left of its point, clear of a rising ATM line
      XYTextAnnotation a = new XYTextAnnotation(SHORT_DATE.format(v.slice().expiry()) + "   ", days, 100 * v.slice().atmVol());
      a.setFont(NOTE);
      a.setTextAnchor(TextAnchor.BOTTOM_RIGHT);
      a.setRotationAnchor(TextAnchor.BOTTOM_RIGHT);
      a.setRotationAngle(Math.PI / 4);
      labels.add(a);
      if (v.smile25() != null) {
        rr.add(days, 100 * v.smile25().riskReversal());
        bf.add(days, 100 * v.smile25().butterfly());
      }
    }
    LogAxis x = new DaysAxis("days to expiry (log scale)");
    NumberAxis left = new NumberAxis("ATM implied vol (%)");
    left.setAutoRangeIncludesZero(false);
    left.setUpperMargin(0.12);
    NumberAxis right = new NumberAxis("25-delta RR and BF (vol points)");
    right.setAutoRangeIncludesZero(true);
    XYLineAndShapeRenderer atmRenderer = new XYLineAndShapeRenderer(true, true);
    atmRenderer.setSeriesPaint(0, PALETTE[0]);
    atmRenderer.setSeriesStroke(0, new BasicStroke(2.6f));
    atmRenderer.setSeriesShape(0, new Ellipse2D.Double(-4.5, -4.5, 9, 9));
    XYLineAndShapeRenderer pillarRenderer = new XYLineAndShapeRenderer(true, true);
    float[] dash = {8f, 5f};
    pillarRenderer.setSeriesPaint(0, PALETTE[3]);
    pillarRenderer.setSeriesPaint(1, PALETTE[2]);
    for (int i = 0; i < 2; i++) {
      pillarRenderer.setSeriesStroke(i, new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, dash, 0f));
    }
    pillarRenderer.setSeriesShape(0, new Rectangle2D.Double(-4, -4, 8, 8));
    pillarRenderer.setSeriesShape(1, new Polygon(new int[] {0, 5, -5}, new int[] {-5, 4, 4}, 3));
    XYPlot plot = new XYPlot(new XYSeriesCollection(atm), x, left, atmRenderer);
    XYSeriesCollection pillars = new XYSeriesCollection();
    pillars.addSeries(rr);
    pillars.addSeries(bf);
    plot.setDataset(1, pillars);
    plot.setRenderer(1, pillarRenderer);
    plot.setRangeAxis(1, right);
    plot.mapDatasetToRangeAxis(1, 1);
    plot.addRangeMarker(1, new ValueMarker(0.0, Color.GRAY, new BasicStroke(1f)), Layer.BACKGROUND);
    labels.forEach(plot::addAnnotation);
    JFreeChart chart = chart(s.underlying() + " ATM vol and 25-delta RR / BF term structure, Deribit chain "
        + SNAPSHOT.format(snapshot), plot,
        "from the SVI slice of each expiry; ATM = at the forward (k = 0); 25-delta = Black-76 forward delta N(d1) at r = 0 "
            + "with the smile's own vol; labels: expiry date");
    chart.getLegend().setPosition(RectangleEdge.BOTTOM);
    return chart;
  }

  /**
   * Writes the smile chart as PNG.
   *
   * @param s  the fitted surface
   * @param snapshot  the chain's snapshot time
   * @param file  the file
   * @param width  pixels
   * @param height  pixels
   * @throws ChartWriteException when the file cannot be written
   */
  public static void writeSmiles(UnderlyingSurface s, Instant snapshot, Path file, int width, int height) throws ChartWriteException {
    write(smileChart(s, snapshot), file, width, height);
  }

  /**
   * Writes the term-structure chart as PNG.
   *
   * @param s  the fitted surface
   * @param snapshot  the chain's snapshot time
   * @param file  the file
   * @param width  pixels
   * @param height  pixels
   * @throws ChartWriteException when the file cannot be written
   */
  public static void writeTermStructure(UnderlyingSurface s, Instant snapshot, Path file, int width, int height) throws ChartWriteException {
    write(termChart(s, snapshot), file, width, height);
  }

  //-------------------------------------------------------------------------
  private static void write(JFreeChart chart, Path file, int width, int height) throws ChartWriteException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
      ChartUtils.writeChartAsPNG(out, chart, width, height);
    } catch (IOException ex) {
      String reason = ex instanceof FileSystemException f && f.getReason() != null ? f.getReason() : CsvBatch.describe(ex);
      throw new ChartWriteException("cannot write plot file " + file + ": " + reason, ex);
    }
  }

  private static JFreeChart chart(String title, XYPlot plot, String subtitle) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(GRID);
    plot.setRangeGridlinePaint(GRID);
    plot.setDomainGridlineStroke(new BasicStroke(1f));
    plot.setRangeGridlineStroke(new BasicStroke(1f));
    plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
    plot.setOutlinePaint(Color.GRAY);
    for (int i = 0; i < plot.getRangeAxisCount(); i++) {
      style(plot.getRangeAxis(i));
    }
    style(plot.getDomainAxis());
    JFreeChart chart = new JFreeChart(title, TITLE, plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    chart.setPadding(new RectangleInsets(8, 8, 8, 16));
    TextTitle sub = new TextTitle(subtitle, SUBTITLE);
    sub.setPaint(Color.DARK_GRAY);
    chart.addSubtitle(sub);
    LegendTitle legend = chart.getLegend();
    legend.setItemFont(LEGEND);
    legend.setFrame(BlockBorder.NONE);
    legend.setBackgroundPaint(Color.WHITE);
    return chart;
  }

  private static void style(ValueAxis axis) {
    if (axis != null) {
      axis.setLabelFont(LABEL);
      axis.setTickLabelFont(TICK);
    }
  }

  private static String expiryLabel(SviSlice slice) {
    return DATE.format(slice.expiry()) + String.format(Locale.ROOT, " (%.1f d)", slice.timeToExpiry() * 365);
  }

  /** A log axis with ticks at 1, 2, 5 x powers of ten, labelled as plain numbers of days. */
  private static final class DaysAxis extends LogAxis {

    private static final long serialVersionUID = 1L;

    DaysAxis(String label) {
      super(label);
      setSmallestValue(1e-3);
    }

    @Override
    public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
      List<NumberTick> ticks = new ArrayList<>();
      double lo = getLowerBound();
      double hi = getUpperBound();
      for (double decade = 1e-3; decade <= 1e5; decade *= 10) {
        for (double m : new double[] {1, 2, 5}) {
          double v = m * decade;
          if (v >= lo && v <= hi) {
            String text = v >= 1 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%s", (float) v);
            ticks.add(new NumberTick(v, text, TextAnchor.TOP_CENTER, TextAnchor.CENTER, 0.0));
          }
        }
      }
      return ticks;
    }
  }
}
