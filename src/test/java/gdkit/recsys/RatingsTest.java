package gdkit.recsys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import gdkit.data.DataException;

class RatingsTest {
    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private DataException fails(String text) throws IOException {
        Path p = file("bad.csv", text);
        return assertThrows(DataException.class, () -> RatingsCsv.read(p, 1, 5));
    }

    @Test
    void readsWithAndWithoutHeaderAndMapsSparseIdsToDenseIndices() throws IOException {
        Path withHeader = file("a.csv", "userId,movieId,rating,timestamp\n10,500,4.5,964982703\n3,7,1,964981247\n\n10,7,3,964982224\n");
        Path without = file("b.csv", "10,500,4.5\n3,7,1\n10,7,3\n");
        for (Path p : new Path[] {withHeader, without}) {
            Ratings r = RatingsCsv.read(p, 0.5, 5);
            assertEquals(3, r.size());
            assertEquals(2, r.users());
            assertEquals(2, r.items());
            assertEquals(3, r.userId(0));
            assertEquals(10, r.userId(1));
            assertEquals(7, r.itemId(0));
            assertEquals(500, r.itemId(1));
            assertEquals(1, r.user(0));
            assertEquals(1, r.item(0));
            assertEquals(4.5, r.rating(0));
            assertEquals(0, r.user(1));
            assertEquals(0, r.item(2));
            assertEquals(0.5, r.min());
        }
    }

    @Test
    void everyProblemNamesFileLineRowAndColumn() throws IOException {
        String where = dir.resolve("bad.csv").toString();
        assertEquals(where + ", line 3 (data row 2), column 1 'user': 'x7' is not an integer id >= 0",
                fails("user,item,rating\n1,2,3\nx7,2,3\n").getMessage());
        assertEquals(where + ", line 2 (data row 2), column 2 'item': id -4 is negative (expected an integer id >= 0)",
                fails("1,2,3\n1,-4,3\n").getMessage());
        assertEquals(where + ", line 1 (data row 1), column 2 'item': '2.5' is not an integer id >= 0",
                fails("1,2.5,3\n").getMessage());
        assertEquals(where + ", line 2 (data row 1), column 3 'rating': 6 is outside the rating scale [1, 5] "
                + "(expected a number in the rating scale [1, 5])", fails("u,i,r\n1,2,6\n").getMessage());
        assertEquals(where + ", line 2 (data row 2), column 3 'rating': NaN is not a finite number "
                + "(expected a number in the rating scale [1, 5])", fails("1,2,3\n1,3,NaN\n").getMessage());
        assertEquals(where + ", line 2 (data row 2), column 3 'rating': 'good' is not a number "
                + "(expected a number in the rating scale [1, 5])", fails("1,2,3\n1,3,good\n").getMessage());
        assertEquals(where + ", line 1 (data row 1), column 3 'rating': empty cell "
                + "(expected a number in the rating scale [1, 5])", fails("1,2,\n").getMessage());
        assertEquals(where + ", line 1 (data row 1), column 4 'timestamp': 'noon' is not an integer timestamp",
                fails("1,2,3,noon\n").getMessage());
        assertEquals(where + ", line 3: has 2 fields, expected 3", fails("\n1,2,3\n4,5\n").getMessage());
        assertEquals(where + ", first line: expected 3 or 4 comma-separated fields user,item,rating[,timestamp], "
                + "got 2: '4,5'", fails("4,5\n1,2,3\n").getMessage());
        assertTrue(fails("user,item,rating\n").getMessage().contains("no ratings"));
        assertTrue(fails("").getMessage().contains("no ratings"));
        var missing = assertThrows(DataException.class, () -> RatingsCsv.read(dir.resolve("nope.csv"), 1, 5));
        assertTrue(missing.getMessage().startsWith("ratings file not found: " + dir.resolve("nope.csv")), missing.getMessage());
        var scale = assertThrows(IllegalArgumentException.class, () -> RatingsCsv.read(dir.resolve("nope.csv"), 5, 1));
        assertEquals("rating scale must be finite numbers min < max, got [5, 1]", scale.getMessage());
    }

    @Test
    void writeThenReadGivesTheSameRatings() throws IOException {
        Ratings r = SyntheticRatings.builder().users(30).items(20).step(0).seed(5).generate();
        Ratings back = RatingsCsv.read(RatingsCsv.write(r, dir.resolve("out/r.csv")), 1, 5);
        assertEquals(r.size(), back.size());
        assertEquals(r.users(), back.users());
        assertEquals(r.items(), back.items());
        for (int k = 0; k < r.size(); k++) {
            assertEquals(r.user(k), back.user(k));
            assertEquals(r.item(k), back.item(k));
            assertEquals(r.rating(k), back.rating(k));
        }
    }

    @Test
    void theShippedDataSetIsTheDefaultGeneratorOutput() {
        Ratings generated = SyntheticRatings.builder().generate();
        Ratings shipped = RatingsCsv.read(Path.of("data/ratings-synthetic.csv"), 1, 5);
        assertEquals(generated.size(), shipped.size());
        assertEquals(300, shipped.users());
        assertEquals(200, shipped.items());
        assertArrayEquals(generated.ratings(), shipped.ratings());
        for (int k = 0; k < generated.size(); k++) {
            assertEquals(generated.user(k), shipped.user(k));
            assertEquals(generated.item(k), shipped.item(k));
        }
    }

    @Test
    void generatorIsSeededAndOnTheDeclaredScale() {
        Ratings a = SyntheticRatings.builder().users(50).items(40).seed(1).generate();
        Ratings b = SyntheticRatings.builder().users(50).items(40).seed(1).generate();
        Ratings c = SyntheticRatings.builder().users(50).items(40).seed(2).generate();
        assertArrayEquals(a.ratings(), b.ratings());
        assertNotEquals(a.size() == c.size() ? a.rating(0) + a.rating(1) + a.rating(2) : -1,
                c.rating(0) + c.rating(1) + c.rating(2) + (a.size() == c.size() ? 0 : 1e9));
        assertEquals(0.1, a.density(), 0.02);
        for (double v : a.ratings()) {
            assertTrue(v >= 1 && v <= 5 && v * 2 == Math.rint(v * 2), "rating " + v);
        }
        // every user and item has a rating even when the matrix is very sparse
        Ratings sparse = SyntheticRatings.builder().users(40).items(30).density(0.001).generate();
        int[] perUser = new int[40];
        int[] perItem = new int[30];
        for (int k = 0; k < sparse.size(); k++) {
            perUser[sparse.user(k)]++;
            perItem[sparse.item(k)]++;
        }
        for (int v : perUser) {
            assertTrue(v > 0);
        }
        for (int v : perItem) {
            assertTrue(v > 0);
        }
    }

    @Test
    void popularitySkewsRatingsTowardsTheFirstItemsAndKeepsTheDefaultUnchanged() {
        Ratings uniform = SyntheticRatings.builder().users(200).items(100).seed(4).generate();
        Ratings unskewed = SyntheticRatings.builder().users(200).items(100).seed(4).popularity(0).generate();
        assertArrayEquals(uniform.ratings(), unskewed.ratings());
        Ratings skewed = SyntheticRatings.builder().users(200).items(100).seed(4).popularity(1).generate();
        int[] perItem = new int[skewed.items()];
        for (int k = 0; k < skewed.size(); k++) {
            perItem[skewed.item(k)]++;
        }
        int head = 0;
        int tail = 0;
        for (int i = 0; i < 10; i++) {
            head += perItem[i];
            tail += perItem[skewed.items() - 1 - i];
        }
        // expected per item: first ten about 200 * min(1, 0.1 * 19.3 / (i + 1)), last ten about 200 * 0.02
        assertTrue(head > 10 * tail, "ten most popular items " + head + " ratings, ten least " + tail);
        assertTrue(tail >= 10, "every item keeps at least one rating, got " + tail + " for the last ten");
        assertThrows(IllegalArgumentException.class, () -> SyntheticRatings.builder().popularity(-1));
    }

    @Test
    void splitIsSeededDisjointAndComplete() {
        Ratings r = SyntheticRatings.builder().users(40).items(30).seed(3).generate();
        Ratings.Split s = r.split(0.25, 9);
        Ratings.Split again = r.split(0.25, 9);
        assertEquals(Math.round(0.25 * r.size()), s.test().size());
        assertEquals(r.size(), s.train().size() + s.test().size());
        assertArrayEquals(s.test().ratings(), again.test().ratings());
        assertEquals(r.users(), s.test().users());
        double sum = 0;
        for (double v : s.train().ratings()) {
            sum += v;
        }
        for (double v : s.test().ratings()) {
            sum += v;
        }
        assertEquals(r.mean() * r.size(), sum, 1e-9);
        assertThrows(IllegalArgumentException.class, () -> r.split(0, 1));
        assertThrows(IllegalArgumentException.class, () -> r.split(1, 1));
    }

    @Test
    void generatorArgumentsAreValidated() {
        assertEquals("users must be >= 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> SyntheticRatings.builder().users(0)).getMessage());
        assertEquals("density must be in (0, 1], got 1.5",
                assertThrows(IllegalArgumentException.class, () -> SyntheticRatings.builder().density(1.5)).getMessage());
        assertEquals("noise must be a finite number >= 0, got NaN",
                assertThrows(IllegalArgumentException.class, () -> SyntheticRatings.builder().noise(Double.NaN)).getMessage());
    }
}
