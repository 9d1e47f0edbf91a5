package gdkit.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import gdkit.data.Csv;
import gdkit.data.DataException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import tech.tablesaw.api.Table;

/**
 * Property tests of the CSV reader: random valid files read back exactly, and a random single bad
 * cell is always reported with the right row and column (rows as a spreadsheet numbers them,
 * blank lines included).
 */
class CsvProperties {
    /** Text that must never be read as a number, whatever Java or Tablesaw would make of it. */
    static final List<String> NOT_NUMBERS = List.of("abc", "#N/A", "#DIV/0!", "5f", "2d", "0x1p3", "NaN",
            "-Infinity", "1e999", "n/a", "NA", "\"1,234\"", "50%", "--1", "1.2.3", "1e", "+", ".", "\"\"", " ");

    private final Path dir;

    CsvProperties() throws IOException {
        dir = Files.createTempDirectory("gdkit-csv-prop");
    }

    @AfterProperty
    void clean() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.delete(p);
            }
        }
    }

    /** A random table: distinct column names, finite doubles, and where blank lines go. */
    record Sheet(List<String> names, double[][] rows, boolean[] blankBefore) {
        String text() {
            StringBuilder sb = new StringBuilder(String.join(",", names)).append('\n');
            for (int r = 0; r < rows.length; r++) {
                if (blankBefore[r]) {
                    sb.append('\n');
                }
                for (int c = 0; c < rows[r].length; c++) {
                    sb.append(c == 0 ? "" : ",").append(rows[r][c]);
                }
                sb.append('\n');
            }
            return sb.toString();
        }

        /** Spreadsheet row of data row r (0-based): data rows before it plus blank lines up to it. */
        int spreadsheetRow(int r) {
            int row = r + 1;
            for (int k = 0; k <= r; k++) {
                row += blankBefore[k] ? 1 : 0;
            }
            return row;
        }
    }

    @Provide
    Arbitrary<Sheet> sheets() {
        Arbitrary<Integer> width = Arbitraries.integers().between(1, 6);
        Arbitrary<Integer> height = Arbitraries.integers().between(1, 25);
        Arbitrary<Double> value = Arbitraries.oneOf(
                Arbitraries.doubles().between(-1e6, 1e6),
                Arbitraries.doubles().between(-1e300, 1e300),
                Arbitraries.of(0.0, -0.0, 1e-310, Double.MAX_VALUE, -Double.MIN_VALUE, 4.9e-324));
        return Combinators.combine(width, height).flatAs((w, h) -> {
            Arbitrary<List<String>> names = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8)
                    .list().ofSize(w).uniqueElements();
            Arbitrary<double[][]> rows = value.array(double[].class).ofSize(w).array(double[][].class).ofSize(h);
            Arbitrary<boolean[]> blanks = Arbitraries.of(true, false, false, false).array(boolean[].class).ofSize(h);
            return Combinators.combine(names, rows, blanks).as(Sheet::new);
        });
    }

    private Path write(String text) {
        try {
            Path p = Files.createTempFile(dir, "sheet", ".csv");
            Files.writeString(p, text);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Property(tries = 200)
    void validFilesReadBackExactly(@ForAll("sheets") Sheet sheet) {
        Table t = Csv.readNumeric(write(sheet.text()));
        assertEquals(sheet.names(), t.columnNames());
        assertEquals(sheet.rows().length, t.rowCount());
        for (int r = 0; r < sheet.rows().length; r++) {
            for (int c = 0; c < sheet.names().size(); c++) {
                double expected = sheet.rows()[r][c];
                double read = t.doubleColumn(c).getDouble(r);
                assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(read),
                        "row " + r + ", column " + c + ": wrote " + expected + ", read " + read);
            }
        }
    }

    @Property(tries = 300)
    void oneBadCellIsNamedByRowAndColumn(@ForAll("sheets") Sheet sheet, @ForAll("badCells") String bad,
            @ForAll double pickRow, @ForAll double pickColumn) {
        int rows = sheet.rows().length;
        int columns = sheet.names().size();
        int r = (int) Math.min(rows - 1, Math.abs(pickRow % 1.0) * rows);
        int c = (int) Math.min(columns - 1, Math.abs(pickColumn % 1.0) * columns);
        if (columns == 1 && bad.isBlank()) {
            return; // a one-column row with a blank cell is a blank line, which holds no data
        }
        List<String> lines = new ArrayList<>(List.of(sheet.text().split("\n", -1)));
        int line = sheet.spreadsheetRow(r); // header is line 0
        String[] cells = lines.get(line).split(",", -1);
        cells[c] = bad;
        lines.set(line, String.join(",", cells));
        Path file = write(String.join("\n", lines));
        String message = assertThrows(DataException.class, () -> Csv.readNumeric(file)).getMessage();
        String where = "row " + sheet.spreadsheetRow(r) + ", column '" + sheet.names().get(c) + "'";
        assertTrue(message.contains(where), "message \"" + message + "\" should name " + where);
        assertTrue(message.startsWith(file.toString()), message);
        assertEquals(-1, message.indexOf('\n'), "one line: " + message);
    }

    @Provide
    Arbitrary<String> badCells() {
        return Arbitraries.of(NOT_NUMBERS.toArray(String[]::new));
    }
}
