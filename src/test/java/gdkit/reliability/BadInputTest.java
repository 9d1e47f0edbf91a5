package gdkit.reliability;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import gdkit.data.Csv;
import gdkit.data.DataException;
import gdkit.data.Dataset;
import gdkit.data.Synthetic;
import gdkit.model.LinearRegression;
import gdkit.nn.Activation;
import gdkit.nn.Init;
import gdkit.nn.Loss;
import gdkit.nn.Mlp;
import gdkit.nn.Targets;
import gdkit.optim.AdaGrad;
import gdkit.optim.Adam;
import gdkit.optim.AdamW;
import gdkit.optim.ClipByGlobalNorm;
import gdkit.optim.ClipByNorm;
import gdkit.optim.ClipByValue;
import gdkit.optim.GradientDescent;
import gdkit.optim.Momentum;
import gdkit.optim.Nesterov;
import gdkit.optim.RMSProp;
import gdkit.recsys.RatingsCsv;

/**
 * The bad-input matrix: every way a user can feed the module bad input gets an exception of the
 * right type whose message names the file, row, column or parameter and what was expected.
 * One test per case; the matching unit tests in each package cover the details.
 */
class BadInputTest {
    @TempDir
    Path dir;

    /** Asserts that {@code call} throws {@code type} with a message containing every fragment. */
    private static <T extends Throwable> void rejects(Class<T> type, Executable call, String... fragments) {
        String message = assertThrows(type, call).getMessage();
        for (String f : fragments) {
            assertTrue(message.contains(f), "message \"" + message + "\" should contain \"" + f + "\"");
        }
    }

    private Path csv(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    // --- CSV files -------------------------------------------------------------------------

    @Test
    void missingCsvFile() {
        rejects(DataException.class, () -> Csv.readDataset(dir.resolve("absent.csv"), "y", "x"),
                "CSV file not found", "absent.csv");
    }

    @Test
    void malformedCsvFile() throws IOException {
        Path f = csv("ragged.csv", "x,y\n1,2\n3,4,5,6,7\n");
        rejects(DataException.class, () -> Csv.readDataset(f, "y", "x"), "ragged.csv");
    }

    @Test
    void missingColumn() throws IOException {
        Path f = csv("cols.csv", "x,y\n1,2\n");
        rejects(DataException.class, () -> Csv.readDataset(f, "mpg", "x"), "cols.csv", "no column 'mpg'", "[x, y]");
    }

    @Test
    void nonNumericCell() throws IOException {
        Path f = csv("text.csv", "x,y\n1,2\n2,n/a\n");
        rejects(DataException.class, () -> Csv.readDataset(f, "y", "x"), "text.csv", "row 2", "column 'y'", "'n/a' is not a number");
    }

    @Test
    void nanCell() throws IOException {
        Path f = csv("nan.csv", "x,y\n1,2\nNaN,3\n");
        rejects(DataException.class, () -> Csv.readDataset(f, "y", "x"), "nan.csv", "row 2", "column 'x'", "not a finite number");
    }

    @Test
    void emptyCell() throws IOException {
        Path f = csv("hole.csv", "x,y\n1,\n");
        rejects(DataException.class, () -> Csv.readDataset(f, "y", "x"), "hole.csv", "row 1", "column 'y'", "empty cell");
    }

    @Test
    void emptyDataSet() throws IOException {
        Path f = csv("header-only.csv", "x,y\n");
        rejects(DataException.class, () -> Csv.readDataset(f, "y", "x"), "header-only.csv", "empty data set");
    }

    // --- shapes ----------------------------------------------------------------------------

    @Test
    void featureTargetLengthMismatch() {
        rejects(DataException.class, () -> Dataset.ofColumn(new double[3], new double[4], "x", "y"),
                "x has 3 rows but y has 4 values");
    }

    @Test
    void parameterVectorOfTheWrongLengthForTheModel() {
        LinearRegression model = new LinearRegression(Synthetic.line(10, 3, 2, 0.1, 1));
        rejects(IllegalArgumentException.class, () -> model.loss(new double[5]), "params has length 5", "1 weights + 1 bias = 2");
    }

    @Test
    void inputOfTheWrongWidthForTheNetwork() {
        Mlp net = Mlp.builder(3).dense(4, Activation.TANH).dense(1, Activation.IDENTITY).build();
        double[] p = net.initialize(Init.xavierNormal(), 1);
        rejects(IllegalArgumentException.class, () -> net.forward(p, new DMatrixRMaj(5, 2)), "5x2", "3");
    }

    @Test
    void targetsOfTheWrongCountForTheNetwork() {
        Mlp net = Mlp.builder(2).dense(1, Activation.IDENTITY).build();
        rejects(IllegalArgumentException.class,
                () -> net.objective(new DMatrixRMaj(4, 2), Targets.values(new double[3]), Loss.MSE), "4", "3");
    }

    // --- hyper-parameters ------------------------------------------------------------------

    @Test
    void learningRateNotPositive() {
        rejects(IllegalArgumentException.class, () -> new GradientDescent(0), "learningRate", "> 0", "got 0.0");
        rejects(IllegalArgumentException.class, () -> new Adam(-1e-3), "learningRate", "> 0", "got -0.001");
    }

    @Test
    void learningRateNaNOrInfinite() {
        rejects(IllegalArgumentException.class, () -> new GradientDescent(Double.NaN), "learningRate", "got NaN");
        rejects(IllegalArgumentException.class, () -> new Momentum(Double.POSITIVE_INFINITY, 0.9), "learningRate", "got Infinity");
    }

    @Test
    void clipThresholdNotPositiveOrNaN() {
        rejects(IllegalArgumentException.class, () -> new ClipByGlobalNorm(0), "> 0", "got 0.0");
        rejects(IllegalArgumentException.class, () -> new ClipByNorm(-1), "> 0", "got -1.0");
        rejects(IllegalArgumentException.class, () -> new ClipByValue(Double.NaN), "> 0", "got NaN");
    }

    @Test
    void momentumOutsideTheUnitInterval() {
        rejects(IllegalArgumentException.class, () -> new Momentum(0.1, 1.0), "momentum", "[0, 1)", "got 1.0");
        rejects(IllegalArgumentException.class, () -> new Nesterov(0.1, -0.5), "momentum", "[0, 1)", "got -0.5");
    }

    @Test
    void adamBetasOutsideTheUnitInterval() {
        rejects(IllegalArgumentException.class, () -> new Adam(1e-3, 1.0, 0.999, 1e-8), "beta1", "[0, 1)");
        rejects(IllegalArgumentException.class, () -> new AdamW(1e-3, 0.01, 0.9, 1.5, 1e-8), "beta2", "[0, 1)");
        rejects(IllegalArgumentException.class, () -> new RMSProp(1e-3, 1.0, 1e-8), "[0, 1)", "got 1.0");
    }

    @Test
    void epsilonNotPositive() {
        rejects(IllegalArgumentException.class, () -> new Adam(1e-3, 0.9, 0.999, 0), "epsilon", "> 0");
        rejects(IllegalArgumentException.class, () -> new AdaGrad(0.1, -1e-8), "epsilon", "> 0");
    }

    @Test
    void unknownInitializationName() {
        rejects(IllegalArgumentException.class, () -> Init.of("glorot_magic"), "glorot_magic", "he_normal");
    }

    @Test
    void unknownActivationName() {
        rejects(IllegalArgumentException.class, () -> Activation.of("swish"), "swish", "relu");
    }

    // --- ratings files ---------------------------------------------------------------------

    @Test
    void ratingsFileWithABadUserOrItemId() throws IOException {
        Path f = csv("ids.csv", "user,item,rating\n1,2,4\n-3,2,5\n");
        rejects(DataException.class, () -> RatingsCsv.read(f, 1, 5), "ids.csv", "user");
        Path g = csv("item.csv", "user,item,rating\n1,x7,4\n");
        rejects(DataException.class, () -> RatingsCsv.read(g, 1, 5), "item.csv", "item");
    }

    @Test
    void ratingOutsideTheDeclaredScale() throws IOException {
        Path f = csv("scale.csv", "user,item,rating\n1,2,4\n2,3,6\n");
        rejects(DataException.class, () -> RatingsCsv.read(f, 1, 5), "scale.csv", "rating", "6", "[1");
    }
}
