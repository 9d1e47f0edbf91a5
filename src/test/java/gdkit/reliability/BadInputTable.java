package gdkit.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

import gdkit.data.Csv;
import gdkit.data.DataException;
import gdkit.data.Dataset;
import gdkit.data.Standardizer;
import gdkit.data.Synthetic;
import gdkit.model.LinearRegression;
import gdkit.model.ParameterBlocks;
import gdkit.model.Spectrum;
import gdkit.nn.Activation;
import gdkit.nn.Mlp;
import gdkit.nn.Targets;
import gdkit.optim.Adam;
import gdkit.optim.GradientDescent;
import gdkit.plot.Histogram;
import gdkit.plot.Plots;
import gdkit.recsys.MatrixFactorization;
import gdkit.recsys.Ratings;
import gdkit.recsys.RatingsCsv;
import gdkit.train.Health;
import gdkit.train.Run;
import gdkit.train.Trainer;

/**
 * The table of bad inputs tried beyond {@link BadInputTest}: one row per input, with the id of the
 * reliability review's row it re-tries (C = CSV, D = data and linear algebra, R = ratings,
 * O/K/T = optimizers, clipping and training, N = networks, P = plots; X = found later) and the
 * message it gives now. Each row is run as its own test; {@link #count} says how many there are.
 */
class BadInputTable {
    /** One bad input: what is tried, the exception expected and fragments of its message. */
    record Row(String id, String input, Class<? extends Throwable> type, Executable call, String... message) {
    }

    private static final Path DIR;

    static {
        try {
            DIR = Files.createTempDirectory("gdkit-bad-inputs");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path file(String name, String text) {
        return bytes(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static Path bytes(String name, byte[] content) {
        try {
            return Files.write(DIR.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path dir(String name) {
        try {
            return Files.createDirectories(DIR.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String wide(int columns) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < columns; i++) {
            sb.append(i == 0 ? "" : ",").append("c").append(i);
        }
        return sb.append('\n').toString();
    }

    private static Dataset twoFeatures(double[] a, double[] b, String nameA, String nameB) {
        DMatrixRMaj x = new DMatrixRMaj(a.length, 2);
        double[] y = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            x.set(i, 0, a[i]);
            x.set(i, 1, b[i]);
            y[i] = a[i] + 0.1 * Math.sin(i);
        }
        return new Dataset(x, y, List.of(nameA, nameB), "y");
    }

    private static final double[] XS = {0.3, 1.1, 1.9, 2.4, 3.7, 4.2};

    static List<Row> rows() {
        List<Row> t = new ArrayList<>();
        Class<DataException> data = DataException.class;
        Class<IllegalArgumentException> arg = IllegalArgumentException.class;
        Class<IllegalStateException> state = IllegalStateException.class;
        Class<NullPointerException> npe = NullPointerException.class;
        // --- CSV ---------------------------------------------------------------------------
        t.add(new Row("C09", "Latin-1 byte 0xE9 in a data cell", data,
                () -> Csv.readDataset(bytes("latin1.csv", new byte[] {'x', ',', 'y', '\n', '1', ',', (byte) 0xE9, '\n'}), "y", "x"),
                "latin1.csv, row 1: byte 0xE9 is not UTF-8 text"));
        t.add(new Row("C10", "byte 0xFF in a header name", data,
                () -> Csv.readDataset(bytes("latin1h.csv", new byte[] {'x', (byte) 0xFF, ',', 'y', '\n', '1', ',', '2', '\n'}), "y", "x"),
                "latin1h.csv, header line: byte 0xFF is not UTF-8 text"));
        t.add(new Row("C11", "a 100,000-digit cell", data,
                () -> Csv.readDataset(file("longcell.csv", "x,y\n1," + "1".repeat(100_000) + "\n"), "y", "x"),
                "longcell.csv, row 1: a cell is longer than 65536 characters"));
        t.add(new Row("C12", "a 100,000-character cell in an unused column", data,
                () -> Csv.readDataset(file("longtext.csv", "x,y,t\n1,2," + "a".repeat(100_000) + "\n"), "y", "x"),
                "longtext.csv, row 1: a cell is longer than 65536 characters"));
        t.add(new Row("C13", "20,000 columns", data,
                () -> Csv.readDataset(file("wide.csv", wide(20_000)), "c1", "c2"),
                "wide.csv, header line: more than 10000 columns"));
        t.add(new Row("C15", "a directory instead of a file", data,
                () -> Csv.readDataset(dir("adir.csv"), "y", "x"), "adir.csv is a directory, not a CSV file"));
        t.add(new Row("C16", "null path", npe, () -> Csv.readDataset(null, "y", "x"), "file must not be null"));
        t.add(new Row("C21a", "Java float literal 5f", data,
                () -> Csv.readDataset(file("f.csv", "x,y\n5f,2\n"), "y", "x"), "row 1, column 'x': '5f' is not a number"));
        t.add(new Row("C21b", "Java double literal 2d", data,
                () -> Csv.readDataset(file("d.csv", "x,y\n1,2d\n"), "y", "x"), "row 1, column 'y': '2d' is not a number"));
        t.add(new Row("C21c", "hexadecimal float 0x1p3", data,
                () -> Csv.readDataset(file("hex.csv", "x,y\n0x1p3,2\n"), "y", "x"), "row 1, column 'x': '0x1p3' is not a number"));
        t.add(new Row("C22", "blank line before the bad row", data,
                () -> Csv.readDataset(file("blank.csv", "x,y\n1,2\n\n3,n/a\n"), "y", "x"), "row 3, column 'y': 'n/a' is not a number"));
        t.add(new Row("C22b", "two blank lines (CRLF) before the bad row", data,
                () -> Csv.readDataset(file("blank2.csv", "x,y\r\n1,2\r\n\r\n\r\n3,z\r\n"), "y", "x"), "row 4, column 'y': 'z'"));
        t.add(new Row("C27", "target also listed as a feature", data,
                () -> Csv.readDataset(file("same.csv", "x,y\n1,2\n"), "y", "y"), "'y' is the target and cannot also be a feature"));
        t.add(new Row("C28", "a feature listed twice", data,
                () -> Csv.readDataset(file("same2.csv", "x,y\n1,2\n"), "y", "x", "x"), "feature 'x' is listed twice"));
        t.add(new Row("C30", "null target name", npe,
                () -> Csv.readDataset(file("nt.csv", "x,y\n1,2\n"), null, "x"), "target must not be null"));
        t.add(new Row("C31", "'# note' line after the header", data,
                () -> Csv.readDataset(file("note.csv", "x,y\n# note\n1,2\n"), "y", "x"), "note.csv, row 1: has 1 fields, expected 2"));
        t.add(new Row("C33", "unterminated quote", data,
                () -> Csv.readDataset(file("unterminated.csv", "x,y\n\"1,2\n3,4\n"), "y", "x"),
                "row 1: has 1 fields, expected 2 (a quote \" opened in this row is never closed)"));
        t.add(new Row("C34", "UTF-16 file with BOM", data,
                () -> Csv.readDataset(bytes("utf16.csv", "x,y\n1,2\n".getBytes(StandardCharsets.UTF_16)), "y", "x"),
                "utf16.csv, header line: byte 0xFE is not UTF-8 text"));
        t.add(new Row("C37", "Excel #N/A in the first column", data,
                () -> Csv.readDataset(file("na.csv", "x,y\n1,2\n#N/A,3\n4,5\n"), "y", "x"), "row 2, column 'x': '#N/A' is not a number"));
        t.add(new Row("C38", "'#5' in the first column", data,
                () -> Csv.readDataset(file("hash5.csv", "x,y\n#5,2\n4,5\n"), "y", "x"), "row 1, column 'x': '#5' is not a number"));
        t.add(new Row("C40", "readNumeric of all columns with a #N/A row", data,
                () -> Csv.readNumeric(file("na2.csv", "x,y\n1,2\n#N/A,3\n")), "row 2, column 'x': '#N/A' is not a number"));
        t.add(new Row("X01", "percent cell 50% (Tablesaw would read 0.5)", data,
                () -> Csv.readDataset(file("pct.csv", "x,y\n50%,1\n"), "y", "x"), "'50%' is not a number"));
        t.add(new Row("X02", "a row holding only a quoted empty cell", data,
                () -> Csv.readDataset(file("qe.csv", "x,y\n1,2\n\"\"\n3,4\n"), "y", "x"), "row 2, column 'x': empty cell"));
        t.add(new Row("X03", "#DIV/0! in the target", data,
                () -> Csv.readDataset(file("div0.csv", "x,y\n1,#DIV/0!\n"), "y", "x"), "row 1, column 'y': '#DIV/0!' is not a number"));
        t.add(new Row("X04", "duplicate header names", data,
                () -> Csv.readDataset(file("dup.csv", "x,x,y\n1,2,3\n"), "y", "x"), "header: column name 'x' appears twice"));
        t.add(new Row("X05", "null feature name", arg,
                () -> Csv.readDataset(file("nf.csv", "x,y\n1,2\n"), "y", (String) null), "feature names must not be null"));
        t.add(new Row("X06", "an over-long cell is quoted short in the message", data,
                () -> Csv.readDataset(file("longnum.csv", "x,y\n1," + "9".repeat(400) + "\n"), "y", "x"), "... (400 characters)"));
        // --- data sets and linear algebra ---------------------------------------------------------
        t.add(new Row("D02", "closedForm with 1 row for 2 parameters", state,
                () -> new LinearRegression(Dataset.ofColumn(new double[] {1}, new double[] {2}, "x", "y")).closedForm(),
                "1 rows for 1 weights + 1 bias = 2 parameters"));
        t.add(new Row("D05", "Standardizer.fit on values near 1e308 works", null, () -> {
            Standardizer s = Standardizer.fit(Dataset.ofColumn(new double[] {1e308, -1e308, 1.5e308}, new double[] {1, 2, 3}, "big", "y"));
            assertTrue(Double.isFinite(s.mean()[0]) && Double.isFinite(s.std()[0]), "finite statistics");
            Dataset z = s.apply(Dataset.ofColumn(new double[] {1e308, -1e308, 1.5e308}, new double[] {1, 2, 3}, "big", "y"));
            assertEquals(0, z.column(0)[0] + z.column(0)[1] + z.column(0)[2], 1e-12);
        }));
        t.add(new Row("D07", "closedForm with 3 rows for 11 parameters", state,
                () -> new LinearRegression(Synthetic.linear(3, new double[10], 0, ones(10), 0.1, 1)).closedForm(),
                "3 rows for 10 weights + 1 bias = 11 parameters"));
        t.add(new Row("D08", "closedForm with a constant feature", state,
                () -> new LinearRegression(twoFeatures(XS, new double[] {2, 2, 2, 2, 2, 2}, "x", "c")).closedForm(),
                "feature 'c' is constant (2.0 in every row)"));
        t.add(new Row("D10", "Spectrum.of a matrix holding NaN", arg,
                () -> Spectrum.of(new DMatrixRMaj(new double[][] {{1, Double.NaN}, {Double.NaN, 1}})), "entry (0, 1) is NaN"));
        t.add(new Row("D11", "Spectrum.of a 0x0 matrix", arg, () -> Spectrum.of(new DMatrixRMaj(0, 0)), "at least 1x1"));
        t.add(new Row("D12", "Spectrum.of a rotation (not symmetric)", arg,
                () -> Spectrum.of(new DMatrixRMaj(new double[][] {{0, -1}, {1, 0}})), "not symmetric: entry (0, 1) is -1.0 but (1, 0) is 1.0"));
        t.add(new Row("D13", "Synthetic.line with noiseStd NaN", arg, () -> Synthetic.line(3, 1, 0, Double.NaN, 1),
                "noiseStd must be a finite number >= 0, got NaN"));
        t.add(new Row("D14", "Synthetic.line with noiseStd -1", arg, () -> Synthetic.line(3, 1, 0, -1, 1),
                "noiseStd must be a finite number >= 0, got -1.0"));
        t.add(new Row("D15", "Dataset with null feature names", npe,
                () -> new Dataset(new DMatrixRMaj(2, 1), new double[2], null, "y"), "featureNames must not be null"));
        t.add(new Row("D16", "Dataset.column(5) of a 1-feature set", arg,
                () -> Dataset.ofColumn(new double[] {1, 2, 3}, new double[] {1, 2, 3}, "x", "y").column(5), "column must be in [0, 1)"));
        t.add(new Row("D17", "Standardizer fit on 'height' applied to 'weight'", data,
                () -> Standardizer.fit(Dataset.ofColumn(new double[] {1, 2}, new double[] {1, 2}, "height", "y"))
                        .apply(Dataset.ofColumn(new double[] {1, 2}, new double[] {1, 2}, "weight", "y")),
                "fit on features [height] but the data set has [weight]"));
        t.add(new Row("D18", "closedForm with a duplicated feature column", state,
                () -> new LinearRegression(twoFeatures(XS, XS.clone(), "x1", "x2")).closedForm(),
                "rank-deficient (rank 2 of 3)", "is a linear combination of the other columns"));
        t.add(new Row("X07", "closedForm with x3 = x1 + x2", state, () -> {
            double[] b = {5, 3, 8, 1, 9, 2};
            DMatrixRMaj x = new DMatrixRMaj(6, 3);
            for (int i = 0; i < 6; i++) {
                x.set(i, 0, XS[i]);
                x.set(i, 1, b[i]);
                x.set(i, 2, XS[i] + b[i]);
            }
            new LinearRegression(new Dataset(x, XS.clone(), List.of("a", "b", "sum"), "y")).closedForm();
        }, "rank-deficient (rank 3 of 4)"));
        t.add(new Row("X08", "Dataset with two features of the same name", data,
                () -> new Dataset(new DMatrixRMaj(2, 2), new double[2], List.of("x", "x"), "y"), "feature names must be distinct"));
        // --- ratings ------------------------------------------------------------------------
        t.add(new Row("R05", "duplicate (user, item) pair", data,
                () -> RatingsCsv.read(file("r-dup.csv", "u,i,r\n1,1,5\n2,1,3\n1,1,1\n"), 1, 5),
                "line 4 (data row 3): user 1 rated item 1 already on line 2 (data row 1)"));
        t.add(new Row("R06", "BOM before a header-less ratings file reads", null,
                () -> assertEquals(1, RatingsCsv.read(file("r-bom.csv", "\uFEFF1,2,3\n"), 1, 5).size())));
        t.add(new Row("R09", "rating '4f'", data, () -> RatingsCsv.read(file("r-4f.csv", "1,2,4f\n"), 1, 5),
                "line 1 (data row 1), column 3 'rating': '4f' is not a number"));
        t.add(new Row("R11", "semicolon-separated ratings", data, () -> RatingsCsv.read(file("r-semi.csv", "1;2;4\n"), 1, 5),
                "first line: expected 3 or 4 comma-separated fields user,item,rating[,timestamp], got 1: '1;2;4'"));
        t.add(new Row("R13", "a directory as ratings file", data, () -> RatingsCsv.read(dir("rdir"), 1, 5),
                "rdir is a directory, not a ratings file"));
        t.add(new Row("R14", "non-UTF-8 byte in a ratings file", data,
                () -> RatingsCsv.read(bytes("r-latin.csv", new byte[] {'1', ',', '2', ',', '3', '\n', '1', ',', '3', ',', (byte) 0xE9, '\n'}), 1, 5),
                "r-latin.csv, line 2: byte 0xE9 is not UTF-8 text"));
        t.add(new Row("R16", "MatrixFactorization.builder(null)", npe, () -> MatrixFactorization.builder(null),
                "train must not be null"));
        t.add(new Row("R21", "Ratings with two users sharing id 7", data,
                () -> new Ratings(new int[] {0, 1}, new int[] {0, 0}, new double[] {1, 2}, new long[] {7, 7}, new long[] {1}, 1, 5),
                "userIds holds id 7 twice"));
        t.add(new Row("R21b", "Ratings with a repeated (user, item) index pair", data,
                () -> new Ratings(new int[] {0, 0}, new int[] {0, 0}, new double[] {1, 2}, new long[] {7}, new long[] {1}, 1, 5),
                "ratings 0 and 1 are both for user index 0 and item index 0"));
        t.add(new Row("X09", "ratings row with a timestamp missing", data,
                () -> RatingsCsv.read(file("r-ts.csv", "u,i,r,t\n1,2,3,100\n1,3,4\n"), 1, 5), "r-ts.csv, line 3: has 3 fields, expected 4"));
        // --- optimizers, schedules, training --------------------------------------------------
        t.add(new Row("O14", "step with a null gradient", arg, () -> new Adam(0.1).step(new double[2], null),
                "gradient must not be null"));
        t.add(new Row("O15", "schedule returning 0 after step 5", arg,
                () -> Trainer.of(line(), new GradientDescent(0.1)).schedule(s -> s < 5 ? 1 : 0).steps(20).run(new double[2]),
                "the learning-rate schedule gave factor 0.0 at step 5"));
        t.add(new Row("O16", "schedule returning NaN at step 3", arg,
                () -> Trainer.of(line(), new GradientDescent(0.1)).schedule(s -> s == 3 ? Double.NaN : 1).steps(20).run(new double[2]),
                "the learning-rate schedule gave factor NaN at step 3"));
        t.add(new Row("O17", "Trainer.schedule(null)", arg, () -> Trainer.of(line(), new GradientDescent(0.1)).schedule(null),
                "schedule must not be null"));
        t.add(new Row("O09", "GradientDescent.step with a gradient shorter than params", arg,
                () -> new GradientDescent(0.1).step(new double[2], new double[1]), "gradient has length 1 but params has length 2"));
        t.add(new Row("O10", "GradientDescent.step with a gradient longer than params", arg,
                () -> new GradientDescent(0.1).step(new double[2], new double[3]), "gradient has length 3 but params has length 2"));
        t.add(new Row("T04", "steps(Integer.MAX_VALUE) with a tolerance that stops early", null, () -> {
            Run run = Trainer.of(line(), new GradientDescent(0.1)).steps(Integer.MAX_VALUE).tolerance(1e-3).run(new double[2]);
            assertEquals(Run.Status.CONVERGED, run.status(), run.toString());
        }));
        t.add(new Row("T05", "steps(100,000,000) with a tolerance that stops early", null, () -> {
            Run run = Trainer.of(line(), new GradientDescent(0.1)).steps(100_000_000).tolerance(1e-3).run(new double[2]);
            assertTrue(run.history().loss().length < 10_000, "stopped after " + run.history().loss().length + " steps");
        }));
        t.add(new Row("K05", "ParameterBlocks with a negative block size", arg,
                () -> ParameterBlocks.builder().add("w", -1), "size of block 'w' must be >= 0, got -1"));
        t.add(new Row("T01", "Trainer.of(model, null)", npe, () -> Trainer.of(line(), null), "optimizer must not be null"));
        t.add(new Row("T02", "Trainer.of(null, GD)", npe, () -> Trainer.of(null, new GradientDescent(0.1)), "objective must not be null"));
        t.add(new Row("T08", "start vector holding NaN", arg,
                () -> Trainer.of(line(), new GradientDescent(0.1)).run(new double[] {Double.NaN, 0}), "start[0] is NaN"));
        t.add(new Row("T12", "MLP objective on raw x holding NaN", arg, () -> {
            DMatrixRMaj x = new DMatrixRMaj(new double[][] {{1, 2}, {Double.NaN, 1}});
            Mlp.builder(2).dense(1, Activation.IDENTITY).build().objective(x, Targets.values(new double[] {1, 2}), gdkit.nn.Loss.MSE);
        }, "x at row 1, column 0 is NaN"));
        t.add(new Row("T15", "Health.of with a NaN learning rate", arg,
                () -> Health.of(new double[] {1, 1, 1, 1, 1, 1}, new double[] {1e-9, 1e-9, 1e-9, 1e-9, 1e-9, 1e-9}, Double.NaN),
                "learningRate must be a finite number > 0, got NaN"));
        t.add(new Row("T16", "History.param(7) of a 2-parameter run", arg, () -> {
            Run run = Trainer.of(line(), new GradientDescent(0.1)).steps(3).run(new double[2]);
            run.history().param(7);
        }, "index must be in [0, 2), got 7"));
        t.add(new Row("T20", "epochs(85,899,346) x 50 batches overflows int", arg,
                () -> Trainer.of(line(), new GradientDescent(0.1)).epochs(85_899_346).batchSize(1).run(new double[2]),
                "epochs(85899346) x 50 batches per epoch", "more than the 2147483647 a run can take"));
        t.add(new Row("T21", "Health.of with learning rate -1", arg,
                () -> Health.of(new double[] {1, 1, 1}, new double[] {1, 1, 1}, -1), "learningRate must be a finite number > 0"));
        // --- networks ------------------------------------------------------------------------------
        t.add(new Row("N04", "Mlp 65536 -> 65536", arg, () -> Mlp.builder(65536).dense(65536, Activation.IDENTITY).build(),
                "Dense(65536 -> 65536) has 4295032832 parameters"));
        t.add(new Row("N15", "backward before any forward", state, () -> {
            Mlp net = Mlp.builder(2).dense(1, Activation.IDENTITY).build();
            net.backward(new DMatrixRMaj(1, 1), new double[net.dimension()]);
        }, "has seen no batch yet"));
        // --- plots ---------------------------------------------------------------------------------
        t.add(new Row("P05", "addLine(...).setMarker(...) on an all-NaN series", null,
                () -> Plots.addLine(Plots.lines("t", "step", "v"), "nan", new double[] {Double.NaN, Double.NaN})
                        .setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE)));
        t.add(new Row("P16", "Plots.grid(0, image)", arg,
                () -> Plots.grid(0, new java.awt.image.BufferedImage(2, 2, java.awt.image.BufferedImage.TYPE_INT_RGB)),
                "columns must be >= 1, got 0"));
        t.add(new Row("P17", "Plots.grid(-1, image)", arg,
                () -> Plots.grid(-1, new java.awt.image.BufferedImage(2, 2, java.awt.image.BufferedImage.TYPE_INT_RGB)),
                "columns must be >= 1, got -1"));
        t.add(new Row("P20b", "Histogram of [-1e308, 0, 1e308]", null, () -> {
            Histogram h = Histogram.of(new double[] {-1e308, 0, 1e308}, 4);
            for (double e : h.edges()) {
                assertTrue(Double.isFinite(e), "edge " + e);
            }
            assertEquals(List.of(1, 0, 1, 1), java.util.Arrays.stream(h.counts()).boxed().toList());
        }));
        return t;
    }

    private static double[] ones(int n) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, 1);
        return a;
    }

    private static LinearRegression line() {
        return new LinearRegression(Synthetic.line(50, 2, 3, 0.5, 1));
    }

    @TestFactory
    Stream<DynamicTest> everyBadInputGivesItsMessage() {
        return rows().stream().map(r -> dynamicTest(r.id() + ": " + r.input(), () -> {
            if (r.type() == null) {
                r.call().execute();
                return;
            }
            String m = assertThrows(r.type(), r.call(), r.input()).getMessage();
            assertEquals(-1, m.indexOf('\n'), "one line: " + m);
            for (String f : r.message()) {
                assertTrue(m.contains(f), r.id() + ": message \"" + m + "\" should contain \"" + f + "\"");
            }
        }));
    }

    /** The count reported for the reliability issue; update it with the table. */
    @Test
    void count() {
        assertEquals(75, rows().size());
    }
}
