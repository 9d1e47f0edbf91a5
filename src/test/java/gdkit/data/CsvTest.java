package gdkit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tech.tablesaw.api.Table;

class CsvTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private String error(Path file, String target, String... features) {
        return assertThrows(DataException.class, () -> Csv.readDataset(file, target, features)).getMessage();
    }

    @Test
    void readsAValidFile() throws IOException {
        Path f = write("ok.csv", "x,y,note\n1,2.5,a\n2,4.5,b\n");
        Dataset d = Csv.readDataset(f, "y", "x");
        assertEquals(2, d.size());
        assertArrayEquals(new double[] {2.5, 4.5}, d.y());
        assertArrayEquals(new double[] {1, 2}, d.column(0));
        Table t = Csv.readNumeric(f, "x");
        assertEquals(1, t.columnCount());
    }

    @Test
    void missingFileNamesThePath() {
        String m = error(dir.resolve("nope.csv"), "y", "x");
        assertTrue(m.startsWith("CSV file not found: ") && m.contains("nope.csv"), m);
    }

    @Test
    void missingColumnNamesItAndListsTheColumns() throws IOException {
        String m = error(write("c.csv", "x,y\n1,2\n"), "mpg", "x");
        assertTrue(m.contains("c.csv") && m.contains("no column 'mpg'") && m.contains("[x, y]"), m);
    }

    @Test
    void nonNumericCellNamesFileRowAndColumn() throws IOException {
        String m = error(write("n.csv", "x,y\n1,2\n3,abc\n"), "y", "x");
        assertTrue(m.contains("n.csv, row 2, column 'y': 'abc' is not a number"), m);
    }

    @Test
    void nanCellIsRejected() throws IOException {
        String m = error(write("nan.csv", "x,y\n1,2\nNaN,3\n"), "y", "x");
        assertTrue(m.contains("nan.csv, row 2, column 'x': NaN is not a finite number"), m);
    }

    @Test
    void emptyCellIsRejected() throws IOException {
        String m = error(write("e.csv", "x,y\n1,2\n4,\n"), "y", "x");
        assertTrue(m.contains("e.csv, row 2, column 'y': empty cell"), m);
    }

    @Test
    void headerWithoutRowsIsAnEmptyDataSet() throws IOException {
        String m = error(write("h.csv", "x,y\n"), "y", "x");
        assertTrue(m.contains("h.csv") && m.contains("empty data set"), m);
    }

    @Test
    void emptyFileIsReported() throws IOException {
        String m = error(write("z.csv", ""), "y", "x");
        assertTrue(m.contains("z.csv"), m);
    }

    @Test
    void raggedRowIsMalformed() throws IOException {
        String m = error(write("r.csv", "x,y\n1,2\n3,4,5,6\n"), "y", "x");
        assertTrue(m.contains("r.csv"), m);
    }

    @Test
    void lengthMismatchInMemoryIsReported() {
        DataException e = assertThrows(DataException.class,
                () -> Dataset.ofColumn(new double[] {1, 2, 3}, new double[] {1, 2}, "x", "y"));
        assertTrue(e.getMessage().contains("x has 3 rows but y has 2 values"), e.getMessage());
    }
}
