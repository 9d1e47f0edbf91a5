package gdkit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The shipped Auto MPG file loads as documented in data/README.md. */
class AutoMpgTest {
    @Test
    void loadsAll392RowsWithTheDocumentedColumnsAndRanges() {
        Path file = Path.of("data", "auto-mpg.csv");
        assertEquals(List.of("mpg", "cylinders", "displacement", "horsepower", "weight", "acceleration",
                "model_year", "origin"), Csv.columnNames(file));
        Dataset d = Csv.readDataset(file, "mpg", "cylinders", "displacement", "horsepower", "weight",
                "acceleration", "model_year", "origin");
        assertEquals(392, d.size());
        double[] weight = d.column(3);
        assertEquals(1613, java.util.Arrays.stream(weight).min().orElseThrow());
        assertEquals(5140, java.util.Arrays.stream(weight).max().orElseThrow());
        assertEquals(18, d.y()[0]);
    }
}
