package gdkit.data;

/**
 * Thrown when a data file or an in-memory data set is unusable. The message always says where the
 * problem is (file, row, column) and what was expected, so a reader can fix the input.
 */
public class DataException extends IllegalArgumentException {
    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
