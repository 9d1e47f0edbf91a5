package gdkit.model;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link RowKernel} on the Vector API: each row's dot product and its gradient update are fused
 * multiply-adds over whole vectors of features (the processor's preferred length: 2 to 8 doubles),
 * two rows at a time. Sums are added in another order than in the plain loop, so results can differ
 * from it, and between processors with different vector lengths, in the last bits (relative 1e-15).
 * Loaded only through {@link VectorSupport}.
 */
final class VectorRowKernel implements RowKernel {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    static final int LANES = SPECIES.length();
    static final VectorRowKernel INSTANCE = new VectorRowKernel();

    private VectorRowKernel() {
    }

    @Override
    public double accumulateRows(double[] x, double[] y, int d, double[] params, int from, int to,
            double[] out, int at) {
        int vd = SPECIES.loopBound(d);
        double bias = params[d];
        double s = 0;
        double biasSum = 0;
        int i = from;
        for (; i + 1 < to; i += 2) {
            int a = i * d;
            int b = a + d;
            DoubleVector da = DoubleVector.zero(SPECIES);
            DoubleVector db = DoubleVector.zero(SPECIES);
            for (int j = 0; j < vd; j += LANES) {
                DoubleVector w = DoubleVector.fromArray(SPECIES, params, j);
                da = DoubleVector.fromArray(SPECIES, x, a + j).fma(w, da);
                db = DoubleVector.fromArray(SPECIES, x, b + j).fma(w, db);
            }
            double ra = da.reduceLanes(VectorOperators.ADD) + bias - y[i];
            double rb = db.reduceLanes(VectorOperators.ADD) + bias - y[i + 1];
            for (int j = vd; j < d; j++) {
                ra += x[a + j] * params[j];
                rb += x[b + j] * params[j];
            }
            DoubleVector va = DoubleVector.broadcast(SPECIES, ra);
            DoubleVector vb = DoubleVector.broadcast(SPECIES, rb);
            for (int j = 0; j < vd; j += LANES) {
                DoubleVector g = DoubleVector.fromArray(SPECIES, out, at + j);
                g = DoubleVector.fromArray(SPECIES, x, a + j).fma(va, g);
                g = DoubleVector.fromArray(SPECIES, x, b + j).fma(vb, g);
                g.intoArray(out, at + j);
            }
            for (int j = vd; j < d; j++) {
                out[at + j] = (out[at + j] + ra * x[a + j]) + rb * x[b + j];
            }
            biasSum = (biasSum + ra) + rb;
            s = (s + ra * ra) + rb * rb;
        }
        out[at + d] += biasSum;
        if (i < to) {
            s += RowKernel.PLAIN.accumulateRows(x, y, d, params, i, to, out, at);
        }
        return s;
    }
}
