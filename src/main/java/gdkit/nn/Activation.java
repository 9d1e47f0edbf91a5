package gdkit.nn;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.ejml.data.DMatrixRMaj;

/**
 * The non-linearity a dense layer applies to its pre-activations {@code z}, giving its
 * activations {@code a = f(z)}. All but {@link #SOFTMAX} act element by element; softmax acts on
 * each row (each example) as a whole.
 *
 * <p>Matrices are batch x units, one example per row. {@link #forward} and {@link #backward}
 * write into their output argument and allocate nothing.
 */
public enum Activation {
    /** {@code f(z) = z}, the output layer of a regression or of a network that returns logits. */
    IDENTITY("identity") {
        @Override
        public double apply(double z) {
            return z;
        }

        @Override
        double slope(double z, double a) {
            return 1;
        }
    },
    /**
     * {@code f(z) = max(0, z)}; its derivative at 0 is taken as 0. A NaN stays NaN, forward and
     * backward, so a layer cannot hide that its input has gone bad.
     */
    RELU("relu") {
        @Override
        public double apply(double z) {
            return Math.max(z, 0.0);
        }

        @Override
        double slope(double z, double a) {
            return reluSlope(z);
        }
    },
    /** {@code f(z) = tanh(z)}, with {@code f'(z) = 1 - f(z)^2 <= 1}. */
    TANH("tanh") {
        @Override
        public double apply(double z) {
            return Math.tanh(z);
        }

        @Override
        double slope(double z, double a) {
            return 1 - a * a;
        }
    },
    /** {@code f(z) = 1 / (1 + e^-z)}, with {@code f'(z) = f(z) (1 - f(z)) <= 1/4}. */
    SIGMOID("sigmoid") {
        @Override
        public double apply(double z) {
            return sigmoid(z);
        }

        @Override
        double slope(double z, double a) {
            return a * (1 - a);
        }
    },
    /**
     * Row-wise {@code softmax(z)_j = e^{z_j} / sum_k e^{z_k}}, computed stably. Put it on an output
     * layer only when the loss expects probabilities: {@link Loss#SOFTMAX_CROSS_ENTROPY} applies
     * softmax itself, so a softmax output layer in front of it applies softmax twice.
     */
    SOFTMAX("softmax") {
        @Override
        public double apply(double z) {
            throw new UnsupportedOperationException("softmax acts on a whole row, not on one number; use forward(z, a)");
        }

        @Override
        double slope(double z, double a) {
            throw new UnsupportedOperationException("softmax has a Jacobian per row, not a slope per element");
        }

        @Override
        public void forward(DMatrixRMaj z, DMatrixRMaj a) {
            Loss.softmax(z, a);
        }

        @Override
        public void backward(DMatrixRMaj z, DMatrixRMaj a, DMatrixRMaj gradA, DMatrixRMaj gradZ) {
            // dL/dz_j = a_j (dL/da_j - sum_k a_k dL/da_k), the softmax Jacobian applied to a row.
            requireSameShape(a, gradA, gradZ);
            int cols = a.numCols;
            for (int i = 0; i < a.numRows; i++) {
                int row = i * cols;
                double dot = 0;
                for (int j = 0; j < cols; j++) {
                    dot += a.data[row + j] * gradA.data[row + j];
                }
                for (int j = 0; j < cols; j++) {
                    gradZ.data[row + j] = a.data[row + j] * (gradA.data[row + j] - dot);
                }
            }
        }
    };

    private final String id;

    Activation(String id) {
        this.id = id;
    }

    /** The name used by {@link #of}, e.g. {@code "relu"}. */
    public String id() {
        return id;
    }

    /** {@code f(z)} for one number (element-wise activations only). */
    public abstract double apply(double z);

    /** {@code f'(z)} for one number (element-wise activations only). */
    public double derivative(double z) {
        return slope(z, apply(z));
    }

    /** {@code f'(z)}, given also {@code a = f(z)} (cheaper for tanh and sigmoid). */
    abstract double slope(double z, double a);

    /** Writes {@code a = f(z)}; {@code a} must have the shape of {@code z}. */
    public void forward(DMatrixRMaj z, DMatrixRMaj a) {
        requireSameShape(z, a, a);
        int n = z.getNumElements();
        double[] in = z.data;
        double[] out = a.data;
        // one loop per activation, each computing what apply() does: a call to apply() from one shared
        // loop is not inlined once a program uses several activations, and was most of a step's Java time
        switch (this) {
            case IDENTITY -> System.arraycopy(in, 0, out, 0, n);
            case RELU -> {
                for (int i = 0; i < n; i++) {
                    out[i] = Math.max(in[i], 0.0);
                }
            }
            case TANH -> {
                for (int i = 0; i < n; i++) {
                    out[i] = Math.tanh(in[i]);
                }
            }
            case SIGMOID -> {
                for (int i = 0; i < n; i++) {
                    out[i] = sigmoid(in[i]);
                }
            }
            default -> throw new IllegalStateException(this + " has a forward pass of its own");
        }
    }

    /**
     * 1 for {@code z > 0}, 0 for {@code z <= 0}, NaN for NaN, without a branch: multiplying by
     * {@code Double.MAX_VALUE} twice sends every positive number (the smallest subnormal included)
     * to at least 1 and every negative one to minus infinity, and the clamp to [0, 1] does the rest.
     * A branch on the sign of {@code z} is mispredicted about half the time on a layer's
     * pre-activations; this form compiles to vector instructions and made the ReLU loops about 15
     * times faster (measured on 65,536 Gaussian values).
     */
    private static double reluSlope(double z) {
        return Math.min(Math.max(z * Double.MAX_VALUE * Double.MAX_VALUE, 0.0), 1.0);
    }

    /** {@code 1 / (1 + e^-z)} without overflow. */
    private static double sigmoid(double z) {
        if (z >= 0) {
            return 1 / (1 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1 + e);
    }

    /**
     * Back-propagates through the activation: writes {@code gradZ = dL/dz} given
     * {@code gradA = dL/da}, the pre-activations {@code z} and the activations {@code a = f(z)}.
     */
    public void backward(DMatrixRMaj z, DMatrixRMaj a, DMatrixRMaj gradA, DMatrixRMaj gradZ) {
        requireSameShape(z, a, gradA);
        requireSameShape(z, gradZ, gradZ);
        int n = z.getNumElements();
        double[] zs = z.data;
        double[] as = a.data;
        double[] in = gradA.data;
        double[] out = gradZ.data;
        // gradA times slope(z, a), one loop per activation (see forward)
        switch (this) {
            case IDENTITY -> {
                for (int i = 0; i < n; i++) {
                    out[i] = in[i] * 1.0;
                }
            }
            case RELU -> {
                for (int i = 0; i < n; i++) {
                    out[i] = in[i] * reluSlope(zs[i]);
                }
            }
            case TANH -> {
                for (int i = 0; i < n; i++) {
                    out[i] = in[i] * (1 - as[i] * as[i]);
                }
            }
            case SIGMOID -> {
                for (int i = 0; i < n; i++) {
                    out[i] = in[i] * (as[i] * (1 - as[i]));
                }
            }
            default -> throw new IllegalStateException(this + " has a backward pass of its own");
        }
    }

    /**
     * The activation called {@code name} (case-insensitive): identity, relu, tanh, sigmoid or
     * softmax.
     *
     * @throws IllegalArgumentException naming the unknown name and the allowed ones
     */
    public static Activation of(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (Activation a : values()) {
            if (a.id.equals(key)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown activation '" + name + "'; allowed: "
                + Arrays.stream(values()).map(Activation::id).collect(Collectors.joining(", ")));
    }

    private static void requireSameShape(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        if (a.numRows != b.numRows || a.numCols != b.numCols || a.numRows != c.numRows || a.numCols != c.numCols) {
            throw new IllegalArgumentException("shape mismatch: " + Shapes.of(a) + ", " + Shapes.of(b) + " and "
                    + Shapes.of(c) + " must all have the same shape");
        }
    }
}
