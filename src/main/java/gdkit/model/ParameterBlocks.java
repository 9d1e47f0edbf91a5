package gdkit.model;

import java.util.ArrayList;
import java.util.List;

import gdkit.util.Vec;

/**
 * Named contiguous blocks of a flat parameter vector, e.g. {@code layer1.W}, {@code layer1.b}.
 * Used for per-layer gradient norms and per-block clipping.
 */
public final class ParameterBlocks {
    private final List<String> names;
    private final int[] offsets;

    private ParameterBlocks(List<String> names, int[] offsets) {
        this.names = List.copyOf(names);
        this.offsets = offsets;
    }

    /** One block holding all {@code size} parameters. */
    public static ParameterBlocks single(String name, int size) {
        gdkit.util.Args.atLeast("size", size, 0);
        return new ParameterBlocks(List.of(name), new int[] {0, size});
    }

    /** Starts a list of blocks. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds blocks in order. */
    public static final class Builder {
        private final List<String> names = new ArrayList<>();
        private final List<Integer> sizes = new ArrayList<>();

        public Builder add(String name, int size) {
            java.util.Objects.requireNonNull(name, "name must not be null");
            gdkit.util.Args.atLeast("size of block '" + name + "'", size, 0);
            names.add(name);
            sizes.add(size);
            return this;
        }

        public ParameterBlocks build() {
            int[] offsets = new int[sizes.size() + 1];
            for (int i = 0; i < sizes.size(); i++) {
                offsets[i + 1] = offsets[i] + sizes.get(i);
            }
            return new ParameterBlocks(names, offsets);
        }
    }

    /** Number of blocks. */
    public int count() {
        return names.size();
    }

    public String name(int block) {
        return names.get(block);
    }

    public List<String> names() {
        return names;
    }

    /** Index of the first parameter of {@code block}. */
    public int start(int block) {
        return offsets[block];
    }

    /** One past the last parameter of {@code block}. */
    public int end(int block) {
        return offsets[block + 1];
    }

    /** Total number of parameters. */
    public int dimension() {
        return offsets[offsets.length - 1];
    }

    /** The Euclidean norm of {@code v} restricted to {@code block}. */
    public double norm(double[] v, int block) {
        return Vec.norm(v, offsets[block], offsets[block + 1]);
    }
}
