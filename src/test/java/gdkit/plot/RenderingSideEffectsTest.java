package gdkit.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * Rendering does not change the chart it renders: every property a getter of the chart, its
 * styler or its series reports is the same before and after {@link Plots#show} and
 * {@link Plots#panel}, so a chart can be rendered twice, or changed and rendered again.
 */
class RenderingSideEffectsTest {

    /** Every no-argument getter's value, as text (arrays by content), keyed by getter name. */
    private static Map<String, String> state(Object o, String prefix) {
        Map<String, String> out = new TreeMap<>();
        for (Method m : o.getClass().getMethods()) {
            boolean getter = m.getName().startsWith("get") || m.getName().startsWith("is");
            if (!getter || m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers())
                    || m.getName().equals("getClass")) {
                continue;
            }
            try {
                Object v = m.invoke(o);
                String text = v instanceof double[] d ? Arrays.toString(d)
                        : v instanceof Object[] a ? Arrays.deepToString(a)
                        : v != null && v.getClass().getName().contains("$$Lambda") ? v.getClass().getName()
                        : String.valueOf(v);
                out.put(prefix + m.getName(), text);
            } catch (ReflectiveOperationException | RuntimeException e) {
                out.put(prefix + m.getName(), "throws " + e.getClass().getSimpleName());
            }
        }
        return out;
    }

    private static Map<String, String> state(XYChart chart) {
        Map<String, String> all = new TreeMap<>();
        all.put("width", String.valueOf(chart.getWidth()));
        all.put("height", String.valueOf(chart.getHeight()));
        all.put("title", chart.getTitle());
        all.putAll(state(chart.getStyler(), "styler."));
        for (XYSeries s : chart.getSeriesCollection()) {
            all.putAll(state(s, "series[" + s.getName() + "]."));
        }
        return all;
    }

    private static void assertUnchangedBy(Runnable render, XYChart chart) {
        Map<String, String> before = state(chart);
        assertTrue(before.size() > 100, "the snapshot sees the styler: " + before.size() + " properties");
        render.run();
        Map<String, String> after = state(chart);
        java.util.List<String> changed = new java.util.ArrayList<>();
        before.forEach((k, v) -> {
            if (!v.equals(after.get(k))) {
                changed.add(k + ": " + v + " -> " + after.get(k));
            }
        });
        assertEquals(java.util.List.of(), changed);
        assertEquals(before.keySet(), after.keySet());
    }

    private static double[] decay(double r, int n) {
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = Math.pow(r, i);
        }
        return y;
    }

    @Test
    void showAndPanelLeaveLinearAndLogChartsAsTheyWere() {
        XYChart lines = Plots.lines("linear", "step", "y");
        Plots.addLine(lines, "a", decay(0.9, 50));
        Plots.addPrediction(lines, "a predicted", decay(0.9, 50), Plots.addLine(lines, "c", decay(0.8, 50)));
        XYChart logs = Plots.logLines("log", "step", "loss");
        Plots.addLine(logs, "a", decay(0.5, 40));
        Plots.dashed(Plots.addLine(logs, "b", decay(0.7, 40)));
        XYChart logLog = Plots.logLog("log-log", "B", "variance");
        Plots.addPoints(logLog, "measured", new double[] {1, 10, 100}, new double[] {1, 0.1, 0.01});
        double[] values = new double[200];
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.sin(i) * i;
        }
        XYChart histogram = Histogram.of(values, 12).chart("histogram", "value");
        for (XYChart chart : new XYChart[] {lines, logs, logLog, histogram}) {
            assertUnchangedBy(() -> Plots.show(chart), chart);
            assertUnchangedBy(() -> Plots.panel(chart), chart);
        }
    }

    @Test
    void settingsTheCallerChoseSurviveRendering() {
        XYChart chart = Plots.lines("t", "step", "y");
        Plots.addLine(chart, "a", decay(0.9, 30));
        chart.getStyler().setXAxisMin(-5.0).setYAxisMax(2.0).setLegendVisible(false);
        assertUnchangedBy(() -> Plots.show(chart), chart);
    }
}
