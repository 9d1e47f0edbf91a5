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
     * Fewer features than this stay on the plain loop, whose sums are the same on every machine; the
     * Vector API kernel's sums depend on the processor's vector length.
     */
    static int minFeatures() {
        return 16;
    }

    static RowKernel kernel() {
        return VectorRowKernel.INSTANCE;
    }
}
