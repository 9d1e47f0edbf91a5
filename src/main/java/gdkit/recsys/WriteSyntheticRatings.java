package gdkit.recsys;

import java.nio.file.Path;

/**
 * Writes the default synthetic ratings ({@link SyntheticRatings#builder()} with its defaults) to
 * {@code data/ratings-synthetic.csv}, or to the path given as the only argument:
 *
 * <pre>
 *   java -cp target/gdkit.jar gdkit.recsys.WriteSyntheticRatings [output.csv]
 * </pre>
 */
public final class WriteSyntheticRatings {
    private WriteSyntheticRatings() {
    }

    public static void main(String[] args) {
        if (args.length > 1) {
            throw new IllegalArgumentException("usage: WriteSyntheticRatings [output.csv]");
        }
        Path out = Path.of(args.length == 1 ? args[0] : "data/ratings-synthetic.csv");
        SyntheticRatings spec = SyntheticRatings.builder();
        Ratings ratings = spec.generate();
        RatingsCsv.write(ratings, out);
        System.out.println("wrote " + ratings + " from " + spec + " to " + out);
    }
}
