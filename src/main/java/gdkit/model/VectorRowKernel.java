package gdkit.model;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link RowKernel} on the Vector API: each row's dot product and its gradient update are fused
 * multiply-adds over whole vectors of features (the processor's preferred length: 2 to 8 doubles),
 * four rows at a time (the gradient's partial sums are loaded and stored once per four rows). Sums
 * are added in another order than in the plain loop, so results can differ from it, and between
 * processors with different vector lengths, in the last bits (relative 1e-15).
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
        for (; i + 3 < to; i += 4) {
            int a = i * d;
            int b = a + d;
            int c = b + d;
            int e = c + d;
            DoubleVector da = DoubleVector.zero(SPECIES);
            DoubleVector db = DoubleVector.zero(SPECIES);
            DoubleVector dc = DoubleVector.zero(SPECIES);
            DoubleVector de = DoubleVector.zero(SPECIES);
            for (int j = 0; j < vd; j += LANES) {
                DoubleVector w = DoubleVector.fromArray(SPECIES, params, j);
                da = DoubleVector.fromArray(SPECIES, x, a + j).fma(w, da);
                db = DoubleVector.fromArray(SPECIES, x, b + j).fma(w, db);
                dc = DoubleVector.fromArray(SPECIES, x, c + j).fma(w, dc);
                de = DoubleVector.fromArray(SPECIES, x, e + j).fma(w, de);
            }
            double ra = da.reduceLanes(VectorOperators.ADD) + bias - y[i];
            double rb = db.reduceLanes(VectorOperators.ADD) + bias - y[i + 1];
            double rc = dc.reduceLanes(VectorOperators.ADD) + bias - y[i + 2];
            double re = de.reduceLanes(VectorOperators.ADD) + bias - y[i + 3];
            for (int j = vd; j < d; j++) {
                ra += x[a + j] * params[j];
                rb += x[b + j] * params[j];
                rc += x[c + j] * params[j];
                re += x[e + j] * params[j];
            }
            DoubleVector va = DoubleVector.broadcast(SPECIES, ra);
            DoubleVector vb = DoubleVector.broadcast(SPECIES, rb);
            DoubleVector vc = DoubleVector.broadcast(SPECIES, rc);
            DoubleVector ve = DoubleVector.broadcast(SPECIES, re);
            for (int j = 0; j < vd; j += LANES) {
                DoubleVector g = DoubleVector.fromArray(SPECIES, out, at + j);
                g = DoubleVector.fromArray(SPECIES, x, a + j).fma(va, g);
                g = DoubleVector.fromArray(SPECIES, x, b + j).fma(vb, g);
                g = DoubleVector.fromArray(SPECIES, x, c + j).fma(vc, g);
                g = DoubleVector.fromArray(SPECIES, x, e + j).fma(ve, g);
                g.intoArray(out, at + j);
            }
            for (int j = vd; j < d; j++) {
                out[at + j] = (((out[at + j] + ra * x[a + j]) + rb * x[b + j]) + rc * x[c + j]) + re * x[e + j];
            }
            biasSum = (((biasSum + ra) + rb) + rc) + re;
            s = (((s + ra * ra) + rb * rb) + rc * rc) + re * re;
        }
        out[at + d] += biasSum;
        if (i < to) {
            s += RowKernel.PLAIN.accumulateRows(x, y, d, params, i, to, out, at);
        }
        return s;
    }
}
