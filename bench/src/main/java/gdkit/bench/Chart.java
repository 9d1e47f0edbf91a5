package gdkit.bench;

import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.Styler;

import gdkit.plot.Plots;

/**
 * Draws the benchmark bar chart with XChart: gdkit against NumPy per workload (milliseconds, log
 * scale), and the notebooks' run times cold and warm (seconds). Reads the table the runner writes:
 * tab-separated lines {@code compare <workload> <gdkit ms> <numpy ms>} and
 * {@code kit <notebook> <cold s> <warm s>}.
 *
 * <p>Usage: {@code java -cp benchmarks.jar gdkit.bench.Chart bench/results/chart.tsv bench/results.png}
 */
public final class Chart {
    private static final Color GDKIT = new Color(0x0072B2);
    private static final Color NUMPY = new Color(0xE69F00);
    private static final Color COLD = new Color(0x56B4E9);
    private static final Color WARM = new Color(0x009E73);

    private Chart() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: Chart <chart.tsv> <out.png>");
        }
        List<String> workloads = new ArrayList<>();
        List<Double> gdkit = new ArrayList<>();
        List<Double> numpy = new ArrayList<>();
        List<String> notebooks = new ArrayList<>();
        List<Double> cold = new ArrayList<>();
        List<Double> warm = new ArrayList<>();
        int line = 0;
        for (String row : Files.readAllLines(Path.of(args[0]))) {
            line++;
            if (row.isBlank()) {
                continue;
            }
            String[] f = row.split("\t");
            if (f.length != 4 || !(f[0].equals("compare") || f[0].equals("kit"))) {
                throw new IllegalArgumentException(args[0] + ", line " + line
                        + ": expected 'compare|kit <tab> name <tab> value <tab> value', got '" + row + "'");
            }
            boolean compare = f[0].equals("compare");
            (compare ? workloads : notebooks).add(f[1]);
            (compare ? gdkit : cold).add(Double.parseDouble(f[2]));
            (compare ? numpy : warm).add(Double.parseDouble(f[3]));
        }
        List<BufferedImage> panels = new ArrayList<>();
        if (!workloads.isEmpty()) {
            CategoryChart c = chart("gdkit vs NumPy, same run (lower is faster)", "time per operation (ms, log scale)",
                    workloads.size());
            c.getStyler().setYAxisLogarithmic(true);
            c.getStyler().setYAxisLogarithmicDecadeOnly(true);
            c.getStyler().setPlotGridHorizontalLinesVisible(false); // XChart draws a grid line at every minor log tick
            double low = Double.POSITIVE_INFINITY;
            for (int k = 0; k < workloads.size(); k++) {
                low = Math.min(low, Math.min(gdkit.get(k), numpy.get(k)));
            }
            c.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(low))));
            c.addSeries("gdkit (Java)", workloads, gdkit).setFillColor(GDKIT);
            c.addSeries("NumPy", workloads, numpy).setFillColor(NUMPY);
            panels.add(Plots.show(c));
        }
        if (!notebooks.isEmpty()) {
            CategoryChart c = chart("Executing the notebooks, kernel start included", "wall time (s)",
                    notebooks.size());
            c.getStyler().setXAxisLabelRotation(20);
            c.addSeries("cold (first run)", notebooks, cold).setFillColor(COLD);
            c.addSeries("warm (run again)", notebooks, warm).setFillColor(WARM);
            panels.add(Plots.show(c));
        }
        if (panels.isEmpty()) {
            throw new IllegalArgumentException(args[0] + " has no rows");
        }
        Plots.writePng(Plots.grid(1, panels.toArray(new BufferedImage[0])), Path.of(args[1]));
    }

    private static CategoryChart chart(String title, String yLabel, int categories) {
        CategoryChart c = new CategoryChartBuilder().width(Math.max(760, 150 * categories + 160)).height(440)
                .title(title).yAxisTitle(yLabel).build();
        CategoryStyler s = c.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(new Color(0x888888));
        s.setPlotGridLinesColor(new Color(0xEEEEEE));
        s.setPlotGridVerticalLinesVisible(false);
        s.setChartTitleBoxVisible(false);
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setLegendPosition(Styler.LegendPosition.OutsideS);
        s.setLegendLayout(Styler.LegendLayout.Horizontal);
        s.setLegendBorderColor(new Color(0xCCCCCC));
        s.setAvailableSpaceFill(0.7);
        s.setLabelsVisible(true);
        s.setLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        s.setLabelsFontColorAutomaticEnabled(false);
        s.setLabelsFontColor(Color.BLACK);
        s.setLabelsPosition(1.0);
        s.setYAxisDecimalPattern("#,##0.#");
        s.setChartPadding(12);
        s.setAntiAlias(true);
        return c;
    }
}
