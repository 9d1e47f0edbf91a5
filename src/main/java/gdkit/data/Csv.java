package gdkit.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.ejml.data.DMatrixRMaj;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * Reads CSV files into typed Tablesaw tables and validated numeric data sets.
 *
 * <p>Tablesaw does the parsing ({@link CsvFile}). This class adds what a tutorial needs on top:
 * every problem (missing file, a directory, text that is not UTF-8, malformed text, missing
 * column, a cell that is empty, not a number, NaN or infinite) is reported as a
 * {@link DataException} that names the file, the row and the column. Rows are numbered from 1 as
 * in a spreadsheet, not counting the header line. No data row is ever skipped: {@code #} starts no
 * comment, so a cell such as {@code #N/A} is reported as not a number.
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
        Objects.requireNonNull(file, "file must not be null");
        Objects.requireNonNull(columns, "columns must not be null");
        Set<String> wanted = new LinkedHashSet<>();
        for (String c : columns) {
            if (c == null) {
                throw new IllegalArgumentException("column names must not be null: " + Arrays.toString(columns));
            }
            if (!wanted.add(c)) {
                throw new DataException(file + ": column '" + c + "' is asked for twice");
            }
        }
        CsvFile csv = CsvFile.withHeader(file, "CSV file", name -> wanted.isEmpty() || wanted.contains(name));
        if (csv.text().columnCount() == 0 && wanted.isEmpty()) {
            throw new DataException(file + ": the file is empty (expected a header line)");
        }
        List<String> names = wanted.isEmpty() ? csv.text().columnNames() : new ArrayList<>(wanted);
        Table out = Table.create(file.getFileName().toString());
        for (String name : names) {
            out.addColumns(csv.doubles(name));
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
        Objects.requireNonNull(file, "file must not be null");
        Objects.requireNonNull(target, "target must not be null");
        Objects.requireNonNull(features, "features must not be null");
        if (features.length == 0) {
            throw new DataException(file + ": no feature columns given (expected at least one)");
        }
        Set<String> seen = new HashSet<>();
        for (String f : features) {
            if (f == null) {
                throw new IllegalArgumentException("feature names must not be null: " + Arrays.toString(features));
            }
            if (f.equals(target)) {
                throw new DataException(file + ": '" + f + "' is the target and cannot also be a feature");
            }
            if (!seen.add(f)) {
                throw new DataException(file + ": feature '" + f + "' is listed twice");
            }
        }
        String[] all = Arrays.copyOf(features, features.length + 1);
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

    /** The names of the columns of a CSV file, read from its header line. */
    public static List<String> columnNames(Path file) {
        CsvFile csv = CsvFile.withHeader(file, "CSV file", name -> true);
        if (csv.text().columnCount() == 0) {
            throw new DataException(file + ": the file is empty (expected a header line)");
        }
        return new ArrayList<>(csv.text().columnNames());
    }

    /**
     * A table as Tablesaw shows it: its structure (column names and types), a summary of every
     * column (count, mean, min, max, ...) and its first {@code rows} rows. For a notebook cell that
     * introduces a data set, e.g. {@code System.out.println(Csv.overview(Csv.readNumeric(file), 5))}.
     */
    public static String overview(Table table, int rows) {
        Objects.requireNonNull(table, "table must not be null");
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be >= 0, got " + rows);
        }
        return table.name() + ": " + table.rowCount() + " rows x " + table.columnCount() + " columns\n\n"
                + table.structure().printAll() + "\n\n"
                + table.summary().printAll() + "\n\n"
                + table.first(rows).printAll();
    }
}
