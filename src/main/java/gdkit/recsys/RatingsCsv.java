package gdkit.recsys;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import gdkit.data.DataException;

/**
 * Reads and writes MovieLens-style rating files: one rating per line, {@code user,item,rating} or
 * {@code user,item,rating,timestamp} (as in MovieLens' {@code ratings.csv}).
 *
 * <p><b>Format.</b> Comma-separated, UTF-8. The header line is optional: a first line whose fields
 * are all non-numeric (such as {@code userId,movieId,rating,timestamp}) is a header, any other
 * first line is data. Blank lines are skipped. User and item ids are integers {@code >= 0}; they
 * need not be contiguous and become dense indices in increasing id order. The rating must be a
 * finite number inside the rating scale declared by the caller. A timestamp, if present, must be
 * an integer and is otherwise ignored.
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
        Ratings.requireScale(min, max);
        List<String> lines = readLines(file);
        int n = 0;
        long[] users = new long[Math.max(16, lines.size())];
        long[] items = new long[users.length];
        double[] values = new double[users.length];
        for (int lineNo = 1; lineNo <= lines.size(); lineNo++) {
            String line = lines.get(lineNo - 1);
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split(",", -1);
            if (lineNo == 1 && isHeader(fields)) {
                continue;
            }
            Where where = new Where(file, lineNo, n + 1);
            if (fields.length != 3 && fields.length != 4) {
                throw new DataException(where.at() + ": expected 3 or 4 comma-separated fields "
                        + "user,item,rating[,timestamp], got " + fields.length + ": '" + line + "'");
            }
            users[n] = id(fields[0], where, 0);
            items[n] = id(fields[1], where, 1);
            values[n] = rating(fields[2], where, min, max);
            if (fields.length == 4) {
                integer(fields[3], where, 3, "an integer timestamp");
            }
            n++;
        }
        if (n == 0) {
            throw new DataException(file + ": no ratings (expected lines user,item,rating[,timestamp], "
                    + "with an optional header line)");
        }
        long[] userIds = distinctSorted(users, n);
        long[] itemIds = distinctSorted(items, n);
        int[] u = new int[n];
        int[] i = new int[n];
        for (int k = 0; k < n; k++) {
            u[k] = Arrays.binarySearch(userIds, users[k]);
            i[k] = Arrays.binarySearch(itemIds, items[k]);
        }
        return new Ratings(u, i, Arrays.copyOf(values, n), userIds, itemIds, min, max);
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

    private static List<String> readLines(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DataException("ratings file not found: " + file + " (absolute path "
                    + file.toAbsolutePath().normalize() + ")");
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DataException("cannot read ratings file " + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean isHeader(String[] fields) {
        for (String f : fields) {
            try {
                Double.parseDouble(f.trim());
                return false;
            } catch (NumberFormatException e) {
                // not a number: may be a column name
            }
        }
        return true;
    }

    /** Where a row is, for error messages. */
    private record Where(Path file, int lineNo, int row) {
        String at() {
            return file + ", line " + lineNo + " (data row " + row + ")";
        }

        String cell(int column) {
            return at() + ", column " + (column + 1) + " '" + COLUMNS[column] + "'";
        }
    }

    private static long integer(String text, Where where, int column, String expected) {
        String t = text.trim();
        if (t.isEmpty()) {
            throw new DataException(where.cell(column) + ": empty (expected " + expected + ")");
        }
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new DataException(where.cell(column) + ": '" + t + "' is not " + expected);
        }
    }

    private static long id(String text, Where where, int column) {
        long id = integer(text, where, column, "an integer id >= 0");
        if (id < 0) {
            throw new DataException(where.cell(column) + ": id " + id + " is negative (expected an integer id >= 0)");
        }
        return id;
    }

    private static double rating(String text, Where where, double min, double max) {
        String t = text.trim();
        String expected = "a number in the rating scale " + Ratings.scale(min, max);
        if (t.isEmpty()) {
            throw new DataException(where.cell(2) + ": empty (expected " + expected + ")");
        }
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new DataException(where.cell(2) + ": '" + t + "' is not a number (expected " + expected + ")");
        }
        if (!Double.isFinite(v)) {
            throw new DataException(where.cell(2) + ": " + t + " is not a finite number (expected " + expected + ")");
        }
        if (v < min || v > max) {
            throw new DataException(where.cell(2) + ": " + t + " is outside the rating scale "
                    + Ratings.scale(min, max) + " (expected " + expected + ")");
        }
        return v;
    }

    private static long[] distinctSorted(long[] ids, int n) {
        long[] sorted = Arrays.copyOf(ids, n);
        Arrays.sort(sorted);
        int m = 0;
        for (int k = 0; k < n; k++) {
            if (m == 0 || sorted[k] != sorted[m - 1]) {
                sorted[m++] = sorted[k];
            }
        }
        return Arrays.copyOf(sorted, m);
    }
}
