package gdkit.recsys;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import gdkit.data.CsvFile;
import gdkit.data.DataException;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/**
 * Reads and writes MovieLens-style rating files: one rating per line, {@code user,item,rating} or
 * {@code user,item,rating,timestamp} (as in MovieLens' {@code ratings.csv}).
 *
 * <p><b>Format.</b> Comma-separated, UTF-8. The header line is optional: a first line whose fields
 * are all non-numeric (such as {@code userId,movieId,rating,timestamp}) is a header, any other
 * first line is data. Blank lines are skipped. User and item ids are integers {@code >= 0}; they
 * need not be contiguous and become dense indices in increasing id order. The rating must be a
 * finite number inside the rating scale declared by the caller; a user rates an item at most once.
 * A timestamp, if present, must be an integer and is otherwise ignored. Tablesaw splits the lines
 * ({@link CsvFile}); every row has the same number of fields as the first one.
 *
 * <p><b>Errors.</b> Every problem is a {@link DataException} naming the file, the line (counting
 * every line of the file from 1, header included), the data row (counting ratings from 1), the
 * column, the bad text and what was expected. A file is read completely before anything is
 * returned, so a failure never leaves a half-loaded data set behind.
 */
public final class RatingsCsv {
    private static final String[] COLUMNS = {"user", "item", "rating", "timestamp"};

    private RatingsCsv() {
    }

    /**
     * Reads a rating file.
     *
     * @param min lowest allowed rating, e.g. 1 (or 0.5 for MovieLens' half stars)
     * @param max highest allowed rating, e.g. 5
     * @throws DataException            naming file, line, row and column of the first problem
     * @throws IllegalArgumentException if {@code [min, max]} is not a finite interval
     */
    public static Ratings read(Path file, double min, double max) {
        Objects.requireNonNull(file, "file must not be null");
        Ratings.requireScale(min, max);
        Table t = readTable(file, min, max);
        int n = t.rowCount();
        LongColumn users = t.longColumn(COLUMNS[0]);
        LongColumn items = t.longColumn(COLUMNS[1]);
        long[] userIds = distinctSorted(users.asLongArray());
        long[] itemIds = distinctSorted(items.asLongArray());
        int[] u = new int[n];
        int[] i = new int[n];
        for (int k = 0; k < n; k++) {
            u[k] = Arrays.binarySearch(userIds, users.getLong(k));
            i[k] = Arrays.binarySearch(itemIds, items.getLong(k));
        }
        return new Ratings(u, i, t.doubleColumn(COLUMNS[2]).asDoubleArray(), userIds, itemIds, min, max);
    }

    /**
     * Reads a rating file into a typed Tablesaw table, checked like {@link #read}: columns
     * {@code user} and {@code item} ({@code LongColumn} ids), {@code rating} ({@code DoubleColumn})
     * and, if the file has it, {@code timestamp} ({@code LongColumn}). For a notebook that shows
     * the data as Tablesaw does ({@code structure()}, {@code summary()}, {@code first(5)}).
     *
     * @throws DataException naming file, line, row and column of the first problem
     */
    public static Table readTable(Path file, double min, double max) {
        Objects.requireNonNull(file, "file must not be null");
        Ratings.requireScale(min, max);
        String[] first = CsvFile.firstRecord(file, "ratings file");
        if (first == null) {
            throw noRatings(file);
        }
        boolean header = isHeader(first);
        int width = first.length;
        if (width != 3 && width != 4) {
            throw new DataException(file + ", first line: expected 3 or 4 comma-separated fields "
                    + "user,item,rating[,timestamp], got " + width + ": " + CsvFile.quote(String.join(",", first)));
        }
        CsvFile csv = CsvFile.withoutHeader(file, "ratings file", width);
        int skip = header ? 1 : 0;
        int n = csv.records() - skip;
        if (n == 0) {
            throw noRatings(file);
        }
        String[] text = new String[width];
        for (int c = 0; c < width; c++) {
            text[c] = "C" + c;
        }
        Table raw = csv.text();
        long[] users = new long[n];
        long[] items = new long[n];
        double[] values = new double[n];
        long[] times = new long[width == 4 ? n : 0];
        Map<Long, Map<Long, Integer>> seen = new HashMap<>();
        for (int k = 0; k < n; k++) {
            Where where = new Where(csv, k + skip, k + 1);
            users[k] = id(raw.stringColumn(text[0]).get(k + skip), where, 0);
            items[k] = id(raw.stringColumn(text[1]).get(k + skip), where, 1);
            values[k] = rating(raw.stringColumn(text[2]).get(k + skip), where, min, max);
            if (width == 4) {
                times[k] = CsvFile.integer(raw.stringColumn(text[3]).get(k + skip), where.cell(3), "an integer timestamp");
            }
            Integer before = seen.computeIfAbsent(users[k], x -> new HashMap<>()).putIfAbsent(items[k], k);
            if (before != null) {
                throw new DataException(where.at() + ": user " + users[k] + " rated item " + items[k]
                        + " already on " + new Where(csv, before + skip, before + 1).lineAndRow()
                        + " (a ratings file holds at most one rating per user and item)");
            }
        }
        Table t = Table.create(file.getFileName().toString(),
                LongColumn.create(COLUMNS[0], users), LongColumn.create(COLUMNS[1], items),
                DoubleColumn.create(COLUMNS[2], values));
        if (width == 4) {
            t.addColumns(LongColumn.create(COLUMNS[3], times));
        }
        return t;
    }

    private static DataException noRatings(Path file) {
        return new DataException(file + ": no ratings (expected lines user,item,rating[,timestamp], "
                + "with an optional header line)");
    }

    /**
     * Writes ratings as {@code user,item,rating} with a header line, using the original ids; the
     * rating is written so that reading it back gives exactly the same double.
     */
    public static Path write(Ratings ratings, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                w.write("user,item,rating\n");
                for (int k = 0; k < ratings.size(); k++) {
                    w.write(Long.toString(ratings.userId(ratings.user(k))));
                    w.write(',');
                    w.write(Long.toString(ratings.itemId(ratings.item(k))));
                    w.write(',');
                    w.write(Ratings.num(ratings.rating(k)));
                    w.write('\n');
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean isHeader(String[] fields) {
        for (String f : fields) {
            try {
                CsvFile.number(f, "", "a number");
                return false;
            } catch (DataException e) {
                // not a number: may be a column name
            }
        }
        return true;
    }

    /** Where a row is, for error messages: record {@code k} of the file, data row {@code row}. */
    private record Where(CsvFile csv, int k, int row) {
        String lineAndRow() {
            return "line " + csv.line(k) + " (data row " + row + ")";
        }

        String at() {
            return csv.file() + ", " + lineAndRow();
        }

        String cell(int column) {
            return at() + ", column " + (column + 1) + " '" + COLUMNS[column] + "'";
        }
    }

    private static long id(String text, Where where, int column) {
        long id = CsvFile.integer(text, where.cell(column), "an integer id >= 0");
        if (id < 0) {
            throw new DataException(where.cell(column) + ": id " + id + " is negative (expected an integer id >= 0)");
        }
        return id;
    }

    private static double rating(String text, Where where, double min, double max) {
        String expected = "a number in the rating scale " + Ratings.scale(min, max);
        double v = CsvFile.number(text, where.cell(2), expected);
        if (v < min || v > max) {
            throw new DataException(where.cell(2) + ": " + text.trim() + " is outside the rating scale "
                    + Ratings.scale(min, max) + " (expected " + expected + ")");
        }
        return v;
    }

    private static long[] distinctSorted(long[] ids) {
        long[] sorted = ids.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        int m = 0;
        for (int k = 0; k < n; k++) {
            if (m == 0 || sorted[k] != sorted[m - 1]) {
                sorted[m++] = sorted[k];
            }
        }
        return Arrays.copyOf(sorted, m);
    }
}
