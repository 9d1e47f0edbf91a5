package gdkit.data;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ejml.data.DMatrixRMaj;

import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Reads CSV files into Tablesaw tables and validated numeric data sets.
 *
 * <p>Tablesaw does the parsing. This class adds what a tutorial needs on top: every problem
 * (missing file, malformed text, missing column, a cell that is empty, not a number or NaN) is
 * reported as a {@link DataException} that names the file, the row and the column. Rows are
 * numbered from 1 as in a spreadsheet, not counting the header line.
 */
public final class Csv {
    private Csv() {
    }

    /**
     * Reads a CSV file with a header line into a table whose columns are all numeric.
     *
     * @param file    the CSV file
     * @param columns the columns to keep, in this order; all columns if none are given
     * @return a table of {@link DoubleColumn}s
     * @throws DataException naming the file, row and column of the first problem found
     */
    public static Table readNumeric(Path file, String... columns) {
        Table raw = readText(file);
        List<String> wanted = columns.length == 0 ? raw.columnNames() : Arrays.asList(columns);
        Table out = Table.create(file.getFileName().toString());
        for (String name : wanted) {
            out.addColumns(parseColumn(file, raw, name));
        }
        return out;
    }

    /**
     * Reads a CSV file into a data set: {@code target} becomes y, {@code features} become the
     * columns of x.
     *
     * @throws DataException naming the file, row and column of the first problem found
     */
    public static Dataset readDataset(Path file, String target, String... features) {
        if (features.length == 0) {
            throw new DataException(file + ": no feature columns given (expected at least one)");
        }
        String[] all = new String[features.length + 1];
        System.arraycopy(features, 0, all, 0, features.length);
        all[features.length] = target;
        Table t = readNumeric(file, all);
        int n = t.rowCount();
        if (n == 0) {
            throw new DataException(file + ": empty data set: the file has a header but no data rows");
        }
        DMatrixRMaj x = new DMatrixRMaj(n, features.length);
        for (int j = 0; j < features.length; j++) {
            DoubleColumn c = t.doubleColumn(features[j]);
            for (int i = 0; i < n; i++) {
                x.unsafe_set(i, j, c.getDouble(i));
            }
        }
        return new Dataset(x, t.doubleColumn(target).asDoubleArray(), List.of(features), target);
    }

    /** Reads every column as text, so that cell validation can name the offending row. */
    private static Table readText(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DataException("CSV file not found: " + file + " (absolute path "
                    + file.toAbsolutePath().normalize() + ")");
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            CsvReadOptions options = CsvReadOptions.builder(reader)
                    .tableName(file.getFileName().toString())
                    .header(true)
                    .columnTypes(header -> ColumnType.STRING)
                    .missingValueIndicator("")
                    .build();
            Table table = Table.read().usingOptions(options);
            if (table.columnCount() == 0) {
                throw new DataException(file + ": the file is empty (expected a header line)");
            }
            return table;
        } catch (IOException e) {
            throw new DataException("cannot read CSV file " + file + ": " + e.getMessage(), e);
        } catch (DataException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new DataException("malformed CSV file " + file + ": " + e.getMessage(), e);
        }
    }

    private static DoubleColumn parseColumn(Path file, Table raw, String name) {
        if (!raw.containsColumn(name)) {
            throw new DataException(file + ": no column '" + name + "' (columns are "
                    + raw.columnNames() + ")");
        }
        StringColumn text = raw.stringColumn(name);
        double[] values = new double[text.size()];
        for (int i = 0; i < values.length; i++) {
            String cell = text.get(i).trim();
            String where = file + ", row " + (i + 1) + ", column '" + name + "'";
            if (cell.isEmpty()) {
                throw new DataException(where + ": empty cell (expected a number)");
            }
            double v;
            try {
                v = Double.parseDouble(cell);
            } catch (NumberFormatException e) {
                throw new DataException(where + ": '" + cell + "' is not a number");
            }
            if (!Double.isFinite(v)) {
                throw new DataException(where + ": " + cell + " is not a finite number");
            }
            values[i] = v;
        }
        return DoubleColumn.create(name, values);
    }

    /** The names of the columns of a CSV file, read from its header line. */
    public static List<String> columnNames(Path file) {
        return new ArrayList<>(readText(file).columnNames());
    }
}
