package gdkit.model;

/**
 * Whether the JVM was started with {@code --add-modules jdk.incubator.vector}. The classes that use
 * the Vector API are loaded only when it was, so the module works unchanged without it.
 */
final class VectorSupport {
    static final boolean AVAILABLE = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    private VectorSupport() {
    }

    /**
     * Whether a data set is large enough for the Vector API kernel: at least 8 features and
     * {@link RowChunks#LARGE_ENTRIES} entries {@code n * d} (where the gradient takes milliseconds). Smaller data sets,
     * every data set of the notebooks among them, stay on the plain loop, whose sums are the same on
     * every JVM and processor: a notebook prints the same numbers with or without the module.
     */
    static boolean worthIt(int n, int d) {
        return d >= 8 && (long) n * d >= RowChunks.LARGE_ENTRIES;
    }

    static RowKernel kernel() {
        return VectorRowKernel.INSTANCE;
    }
}
