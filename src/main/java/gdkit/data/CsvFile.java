package gdkit.data;

import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.univocity.parsers.common.TextParsingException;
import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;

import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.AddCellToColumnException;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * A CSV file read by Tablesaw, with gdkit's rules on top: nothing is dropped, and every problem is
 * a one-line {@link DataException} naming the file, the row and, for a cell, the column.
 *
 * <p>Tablesaw splits the file (comma-separated, UTF-8, RFC 4180 quoting). {@code #} has no special
 * meaning: a cell such as {@code #N/A} is data, never the start of a comment. Blank lines hold no
 * data but still count as rows, so a row number is the one a spreadsheet shows. Wanted columns are
 * converted to typed Tablesaw columns ({@link #doubles}, {@link #longs}) with a strict number syntax:
 * plain decimal numbers such as {@code -1.5e3}; not {@code 1,234}, {@code 50%}, {@code 5f},
 * {@code 0x1p3} (which Tablesaw's own lenient parser, or Java's, would accept).
 */
public final class CsvFile {
    /** The longest cell accepted, in characters. */
    public static final int MAX_CELL_CHARS = 1 << 16;
    /** The most columns accepted in a row. */
    public static final int MAX_COLUMNS = 10_000;
    /** Longest cell text quoted in a message. */
    private static final int QUOTE_CHARS = 40;
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern NON_FINITE = Pattern.compile("[+-]?(NaN|Infinity)");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern TOO_MANY = Pattern.compile("Row number (\\d+) contains (\\d+) columns\\. (\\d+) expected\\.");
    private static final Pattern DUPLICATE = Pattern.compile("Cannot add column with duplicate name (.*) to table.*");

    private final Path file;
    private final String kind;
    private final boolean header;
    private final Table text;
    /** Physical line (from 1) where each data record starts; filled on the first error. */
    private int[] lineOf;
    /** Spreadsheet row (records and blank lines, header excluded) of each data record. */
    private int[] rowOf;

    private CsvFile(Path file, String kind, boolean header, Table text) {
        this.file = file;
        this.kind = kind;
        this.header = header;
        this.text = text;
    }

    /**
     * Reads a CSV file whose first line is a header; the columns whose (trimmed) name passes
     * {@code keep} are read as text, the others are skipped.
     *
     * @param kind what the file is, for messages, e.g. "CSV file" or "ratings file"
     * @throws DataException if the file is missing, a directory, not UTF-8 text, or malformed
     */
    public static CsvFile withHeader(Path file, String kind, Predicate<String> keep) {
        Objects.requireNonNull(keep, "keep must not be null");
        return read(file, kind, true, -1, keep);
    }

    /**
     * Reads a CSV file without a header line, {@code columns} fields per row, all as text; the
     * columns are named C0, C1, ...
     */
    public static CsvFile withoutHeader(Path file, String kind, int columns) {
        return read(file, kind, false, columns, name -> true);
    }

    private static CsvFile read(Path file, String kind, boolean header, int columns, Predicate<String> keep) {
        Objects.requireNonNull(file, "file must not be null");
        requireFile(file, kind);
        CsvFile where = new CsvFile(file, kind, header, null);
        try {
            if (Files.size(file) == 0) {
                throw new DataException(file + ": the file is empty" + (header ? " (expected a header line)" : ""));
            }
        } catch (IOException e) {
            throw where.unreadable(e);
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            CsvReadOptions.Builder options = CsvReadOptions.builder(reader)
                    .tableName(file.getFileName().toString())
                    .header(header)
                    .separator(',')
                    .commentPrefix('\0')
                    .maxCharsPerColumn(MAX_CELL_CHARS)
                    .maxNumberOfColumns(MAX_COLUMNS)
                    .missingValueIndicator("");
            if (header) {
                options.columnTypes(name -> keep.test(clean(name)) ? ColumnType.STRING : ColumnType.SKIP);
            } else {
                ColumnType[] types = new ColumnType[columns];
                Arrays.fill(types, ColumnType.STRING);
                options.columnTypes(types);
            }
            Table table = Table.read().usingOptions(options.build());
            CsvFile csv = new CsvFile(file, kind, header, table);
            csv.locate();
            return csv;
        } catch (IOException e) {
            throw where.unreadable(e);
        } catch (AddCellToColumnException e) {
            int k = (int) e.getRowNumber() - (header ? 1 : 0);
            Matcher m = TOO_MANY.matcher(String.valueOf(e.getCause() == null ? "" : e.getCause().getMessage()));
            String counts = m.find() ? "has " + m.group(2) + " fields, expected " + m.group(3) : "has too few fields";
            throw new DataException(where.record(k) + ": " + counts + (where.opensQuote(k)
                    ? " (a quote \" opened in this row is never closed)" : ""));
        } catch (TextParsingException e) {
            throw where.parsing(e);
        } catch (DataException e) {
            throw e;
        } catch (RuntimeException e) {
            throw where.other(e);
        }
    }

    /** Header names as Tablesaw cleans them: trimmed, without a byte-order mark. */
    private static String clean(String name) {
        return name == null ? "" : name.replace("\uFEFF", "").trim();
    }

    private DataException other(RuntimeException e) {
        String m = String.valueOf(e.getMessage());
        Matcher many = TOO_MANY.matcher(m);
        if (many.find()) {
            int record = Integer.parseInt(many.group(1)) - (header ? 1 : 0);
            return new DataException(record(record) + ": has " + many.group(2) + " fields, expected " + many.group(3)
                    + " (an unquoted comma inside a value, e.g. 1,234?)");
        }
        Matcher dup = DUPLICATE.matcher(m);
        if (dup.find()) {
            return new DataException(file + ", header: column name '" + dup.group(1) + "' appears twice");
        }
        Throwable cause = rootCause(e);
        if (cause instanceof CharacterCodingException) {
            return notUtf8();
        }
        return new DataException("malformed " + kind + " " + file + ": " + firstLine(m), e);
    }

    private DataException unreadable(IOException e) {
        if (rootCause(e) instanceof CharacterCodingException) {
            return notUtf8();
        }
        return new DataException("cannot read " + kind + " " + file + ": " + e.getMessage(), e);
    }

    private DataException parsing(TextParsingException e) {
        Throwable cause = rootCause(e);
        String at = lineLabel(e.getLineIndex() + 1);
        if (cause instanceof CharacterCodingException) {
            return notUtf8();
        }
        if (String.valueOf(e.getMessage()).contains("exceeds the maximum number of characters")) {
            return new DataException(file + ", " + at + ": a cell is longer than " + MAX_CELL_CHARS
                    + " characters (the reader's limit; an unclosed quote \" makes the rest of the file one cell)");
        }
        if (cause instanceof ArrayIndexOutOfBoundsException) {
            return new DataException(file + ", " + at + ": more than " + MAX_COLUMNS + " columns (the reader's limit)");
        }
        return new DataException("malformed " + kind + " " + file + ", " + at + ": "
                + firstLine(cause.getClass().getSimpleName() + " " + cause.getMessage()), e);
    }

    /** Finds the first byte that is not UTF-8 and names its line. */
    private DataException notUtf8() {
        long line = 1;
        try {
            byte[] bytes = Files.readAllBytes(file);
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            ByteBuffer in = ByteBuffer.wrap(bytes);
            CharBuffer out = CharBuffer.allocate(1);
            while (in.hasRemaining()) {
                CoderResult r = decoder.decode(in, out, true);
                if (r.isError()) {
                    return new DataException(file + ", " + lineLabel(line) + ": byte 0x"
                            + String.format("%02X", bytes[in.position()] & 0xFF) + " is not UTF-8 text"
                            + " (save the file as UTF-8)");
                }
                out.flip();
                if (out.hasRemaining() && out.get() == '\n') {
                    line++;
                }
                out.clear();
            }
        } catch (IOException e) {
            // fall through to the message without a line
        }
        return new DataException(file + ": the file is not UTF-8 text (save it as UTF-8)");
    }

    private String lineLabel(long line) {
        if (!header) {
            return "line " + line;
        }
        return line == 1 ? "header line" : "row " + (line - 1);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }

    private int headerWidth() {
        return headerNames().size();
    }

    private static CsvParserSettings settings() {
        CsvParserSettings s = new CsvParserSettings();
        s.getFormat().setDelimiter(',');
        s.getFormat().setComment('\0');
        s.setMaxCharsPerColumn(MAX_CELL_CHARS);
        s.setMaxColumns(MAX_COLUMNS);
        s.setSkipEmptyLines(false);
        s.setLineSeparatorDetectionEnabled(true);
        return s;
    }

    /** Whether data record {@code k} holds a line break inside a cell, the mark of an unclosed quote. */
    private boolean opensQuote(int k) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            CsvParserSettings s = settings();
            s.setSkipEmptyLines(true);
            CsvParser p = new CsvParser(s);
            p.beginParsing(reader);
            String[] r = null;
            for (int i = 0; i <= k + (header ? 1 : 0); i++) {
                r = p.parseNext();
                if (r == null) {
                    break;
                }
            }
            p.stopParsing();
            return r != null && Arrays.stream(r).anyMatch(c -> c != null && (c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Maps data records to lines and spreadsheet rows, and finds rows Tablesaw would skip although
     * they hold text (a lone quoted empty cell {@code ""}): such a row is an error, never dropped.
     */
    private void locate() {
        if (rowOf != null) {
            return;
        }
        List<int[]> found = new ArrayList<>();
        int emptyRow = -1;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            CsvParser p = new CsvParser(settings());
            p.beginParsing(reader);
            int records = 0;
            long lineBefore = 0;
            String[] r;
            while ((r = p.parseNext()) != null) {
                records++;
                long start = lineBefore + 1;
                lineBefore = p.getContext().currentLine();
                String content = p.getContext().currentParsedContent();
                boolean blank = content == null || content.isBlank();
                boolean skipped = r.length == 0 || (r.length == 1 && (r[0] == null || r[0].isEmpty()));
                if (blank || (header && records == 1)) {
                    continue;
                }
                if (skipped) {
                    emptyRow = emptyRow < 0 ? (header ? records - 1 : records) : emptyRow;
                    continue;
                }
                found.add(new int[] {(int) start, header ? records - 1 : records});
            }
            p.stopParsing();
        } catch (IOException | RuntimeException e) {
            found.clear();
        }
        lineOf = new int[found.size()];
        rowOf = new int[found.size()];
        for (int k = 0; k < found.size(); k++) {
            lineOf[k] = found.get(k)[0];
            rowOf[k] = found.get(k)[1];
        }
        if (emptyRow > 0) {
            List<String> names = header ? headerNames() : List.of();
            throw new DataException(file + ", " + (header ? "row " : "line ") + emptyRow
                    + (names.isEmpty() ? "" : ", column '" + names.get(0) + "'")
                    + ": empty cell (the row holds only an empty quoted cell \"\")");
        }
    }

    /** The file. */
    public Path file() {
        return file;
    }

    /** The kept columns as text, one row per data record (blank lines hold no record). */
    public Table text() {
        return text;
    }

    /** Number of data records. */
    public int records() {
        return text.rowCount();
    }

    /** Whether a kept column of this name exists. */
    public boolean has(String column) {
        return text.containsColumn(column);
    }

    /**
     * The row of data record {@code k} (from 0) as a spreadsheet shows it: counted from 1, header
     * line excluded, blank lines included.
     */
    public int row(int k) {
        locate();
        return k < rowOf.length ? rowOf[k] : k + 1;
    }

    /** The physical line (from 1, header included) where data record {@code k} starts. */
    public int line(int k) {
        locate();
        return k < lineOf.length ? lineOf[k] : k + 1 + (header ? 1 : 0);
    }

    /**
     * "file, row R" for data record {@code k} of a file with a header; "file, line L" for a file
     * without one.
     */
    public String record(int k) {
        return header ? file + ", row " + row(k) : file + ", line " + line(k);
    }

    /** "file, row R, column 'c'" for a cell. */
    public String cell(int k, String column) {
        return record(k) + ", column '" + column + "'";
    }

    /** A cell's text for a message: quoted and cut to a readable length. */
    public static String quote(String cell) {
        String c = cell.length() > QUOTE_CHARS ? cell.substring(0, QUOTE_CHARS) + "... ("
                + cell.length() + " characters)" : cell;
        return "'" + c.replace("\uFEFF", "<BOM>") + "'";
    }

    /** The text of a kept column. */
    public StringColumn textColumn(String column) {
        return text.stringColumn(column);
    }

    /** Parses one cell with the strict decimal syntax; {@code where} describes it for messages. */
    public static double number(String cell, String where, String expected) {
        String c = cell == null ? "" : cell.replace("\uFEFF", "").trim();
        if (c.isEmpty()) {
            throw new DataException(where + ": empty cell (expected " + expected + ")");
        }
        if (NON_FINITE.matcher(c).matches()) {
            throw new DataException(where + ": " + c + " is not a finite number (expected " + expected + ")");
        }
        if (!DECIMAL.matcher(c).matches()) {
            throw new DataException(where + ": " + quote(c) + " is not a number (expected " + expected + ")");
        }
        double v = Double.parseDouble(c);
        if (!Double.isFinite(v)) {
            throw new DataException(where + ": " + quote(c) + " is not a finite number (expected " + expected + ")");
        }
        return v;
    }

    /** Parses one cell as an integer (no sign other than '-' or '+', no decimal point). */
    public static long integer(String cell, String where, String expected) {
        String c = cell == null ? "" : cell.replace("\uFEFF", "").trim();
        if (c.isEmpty()) {
            throw new DataException(where + ": empty cell (expected " + expected + ")");
        }
        if (!INTEGER.matcher(c).matches()) {
            throw new DataException(where + ": " + quote(c) + " is not " + expected);
        }
        try {
            return Long.parseLong(c);
        } catch (NumberFormatException e) {
            throw new DataException(where + ": " + quote(c) + " is not " + expected + " (out of range)");
        }
    }

    /** A kept column as a typed {@link DoubleColumn}: every cell a finite decimal number. */
    public DoubleColumn doubles(String column) {
        StringColumn c = column(column);
        double[] values = new double[c.size()];
        for (int k = 0; k < values.length; k++) {
            String cell = c.get(k);
            try {
                values[k] = number(cell, "", "a number");
            } catch (DataException e) {
                throw new DataException(cell(k, column) + e.getMessage());
            }
        }
        return DoubleColumn.create(column, values);
    }

    /** A kept column as a typed {@link LongColumn}: every cell an integer. */
    public LongColumn longs(String column, String expected) {
        StringColumn c = column(column);
        long[] values = new long[c.size()];
        for (int k = 0; k < values.length; k++) {
            try {
                values[k] = integer(c.get(k), "", expected);
            } catch (DataException e) {
                throw new DataException(cell(k, column) + e.getMessage());
            }
        }
        return LongColumn.create(column, values);
    }

    /**
     * The first record of a file that is not a blank line, or {@code null} if there is none; for
     * a reader that must look at the first line to decide how to read the file (e.g. whether it is
     * a header).
     *
     * @throws DataException if the file is missing, a directory or not UTF-8 text
     */
    public static String[] firstRecord(Path file, String kind) {
        Objects.requireNonNull(file, "file must not be null");
        requireFile(file, kind);
        CsvFile where = new CsvFile(file, kind, false, null);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            CsvParser p = new CsvParser(settings());
            p.beginParsing(reader);
            String[] r;
            while ((r = p.parseNext()) != null) {
                if (!(r.length == 0 || (r.length == 1 && (r[0] == null || r[0].isBlank())))) {
                    break;
                }
            }
            p.stopParsing();
            if (r != null) {
                for (int i = 0; i < r.length; i++) {
                    r[i] = r[i] == null ? "" : r[i].replace("\uFEFF", "");
                }
            }
            return r;
        } catch (IOException e) {
            throw where.unreadable(e);
        } catch (TextParsingException e) {
            throw where.parsing(e);
        }
    }

    private static void requireFile(Path file, String kind) {
        if (Files.isDirectory(file)) {
            throw new DataException(file + " is a directory, not a " + kind + " (absolute path "
                    + file.toAbsolutePath().normalize() + ")");
        }
        if (!Files.isRegularFile(file)) {
            throw new DataException(kind + " not found: " + file + " (absolute path "
                    + file.toAbsolutePath().normalize() + ")");
        }
    }

    /** The names in the header line, as read (only needed for a message). */
    public List<String> headerNames() {
        List<String> names = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            CsvParser p = new CsvParser(settings());
            p.beginParsing(reader);
            String[] first = p.parseNext();
            p.stopParsing();
            if (first != null) {
                for (String n : first) {
                    names.add(clean(n));
                }
            }
        } catch (IOException | RuntimeException e) {
            if (text != null) {
                names.addAll(text.columnNames());
            }
        }
        return names;
    }

    private StringColumn column(String column) {
        if (!text.containsColumn(column)) {
            throw new DataException(file + ": no column '" + column + "' (columns are " + headerNames() + ")");
        }
        return text.stringColumn(column);
    }
}
