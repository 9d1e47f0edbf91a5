package gdkit.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/**
 * The first three steps of every optimizer against numbers worked out from the published update
 * equations. Every test starts at {@code theta0 = (1, -2)} and feeds the same gradients,
 * {@code g1 = (0.5, -1)}, {@code g2 = (0.1, 0.2)}, {@code g3 = (-0.4, 0.3)}, with {@code lr = 0.1};
 * the comments give the arithmetic.
 */
class HandComputedStepsTest {
    private static final double[][] GRADIENTS = {{0.5, -1.0}, {0.1, 0.2}, {-0.4, 0.3}};

    /** Applies g1, g2, g3 in turn from (1, -2) and checks the parameters after each step. */
    private static void assertSteps(Optimizer opt, double[][] expected, double tolerance) {
        double[] theta = {1.0, -2.0};
        for (int k = 0; k < expected.length; k++) {
            opt.step(theta, GRADIENTS[k].clone());
            assertArrayEquals(expected[k], theta, tolerance, opt.describe() + " after step " + (k + 1));
        }
    }

    @Test
    void gradientDescentTakesPlainSteps() {
        // theta <- theta - lr g:  (1, -2) - 0.1 (0.5, -1) = (0.95, -1.9);  - 0.1 (0.1, 0.2) = (0.94, -1.92);
        // - 0.1 (-0.4, 0.3) = (0.98, -1.95)
        assertSteps(new GradientDescent(0.1), new double[][] {{0.95, -1.9}, {0.94, -1.92}, {0.98, -1.95}}, 1e-12);
    }

    @Test
    void heavyBallMomentumFollowsPolyak() {
        // Polyak (1964): theta_{t+1} = theta_t - lr g_t + mu (theta_t - theta_{t-1}), mu = 0.9.
        // theta1 = (1, -2) - 0.1 (0.5, -1)                              = (0.95, -1.9)
        // theta2 = (0.95, -1.9) - 0.1 (0.1, 0.2) + 0.9 (-0.05, 0.1)      = (0.895, -1.83)
        // theta3 = (0.895, -1.83) - 0.1 (-0.4, 0.3) + 0.9 (-0.055, 0.07) = (0.8855, -1.797)
        assertSteps(new Momentum(0.1, 0.9), new double[][] {{0.95, -1.9}, {0.895, -1.83}, {0.8855, -1.797}}, 1e-12);
    }

    @Test
    void nesterovFollowsPyTorch() {
        // PyTorch SGD(nesterov=True): b <- mu b + g; theta <- theta - lr (g + mu b), mu = 0.9.
        // b1 = (0.5, -1);          theta1 = (1, -2) - 0.1 * 1.9 (0.5, -1)                 = (0.905, -1.81)
        // b2 = (0.55, -0.7);       theta2 = theta1 - 0.1 ((0.1, 0.2) + 0.9 (0.55, -0.7))
        //                                 = (0.905, -1.81) - 0.1 (0.595, -0.43)          = (0.8455, -1.767)
        // b3 = (0.095, -0.33);     theta3 = theta2 - 0.1 ((-0.4, 0.3) + 0.9 (0.095, -0.33))
        //                                 = (0.8455, -1.767) - 0.1 (-0.3145, 0.003)       = (0.87695, -1.7673)
        assertSteps(new Nesterov(0.1, 0.9), new double[][] {{0.905, -1.81}, {0.8455, -1.767}, {0.87695, -1.7673}},
                1e-12);
    }

    @Test
    void adaGradFollowsDuchiHazanSinger() {
        // Duchi et al. (2011), diagonal: G <- G + g^2; theta <- theta - lr g / (sqrt(G) + eps), eps = 1e-10.
        // G1 = (0.25, 1):    theta1 = (1, -2) - 0.1 (0.5/0.5, -1/1)              = (0.9, -1.9)
        // G2 = (0.26, 1.04): theta2 = theta1 - 0.1 (0.1/0.5099020, 0.2/1.0198039)
        //                           = (0.9, -1.9) - (0.0196116, 0.0196116)     = (0.8803884, -1.9196116)
        // G3 = (0.42, 1.13): theta3 = theta2 - 0.1 (-0.4/0.6480741, 0.3/1.0630146)
        //                           = theta2 - (-0.0617213, 0.0282216)          = (0.9421097, -1.9478332)
        assertSteps(new AdaGrad(0.1), new double[][] {
            {0.9, -1.9}, {0.8803883865, -1.9196116135}, {0.9421097265, -1.9478332396}}, 1e-9);
    }

    @Test
    void rmsPropFollowsHinton() {
        // Hinton (lecture 6e): v <- rho v + (1 - rho) g^2; theta <- theta - lr g / (sqrt(v) + eps), rho = 0.9.
        // v1 = (0.025, 0.1):     theta1 = (1, -2) - 0.1 (0.5/0.1581139, -1/0.3162278)
        //                               = (1, -2) - (0.3162278, -0.3162278)   = (0.6837722, -1.6837722)
        // v2 = (0.0235, 0.094):  theta2 = theta1 - 0.1 (0.1/0.1532971, 0.2/0.3065942)
        //                               = theta1 - (0.0652328, 0.0652328)     = (0.6185395, -1.7490050)
        // v3 = (0.03715, 0.0936): theta3 = theta2 - 0.1 (-0.4/0.1927433, 0.3/0.3059412)
        //                               = theta2 - (-0.2075298, 0.0980581)    = (0.8260693, -1.8470631)
        assertSteps(new RMSProp(0.1, 0.9, 1e-8), new double[][] {
            {0.6837722540, -1.6837722440}, {0.6185394509, -1.7490050492}, {0.8260692950, -1.8470631135}}, 1e-9);
    }

    @Test
    void adamFollowsKingmaBaAlgorithm1() {
        // Kingma and Ba (2014), Algorithm 1, beta1 = 0.9, beta2 = 0.999, eps = 1e-8:
        // m1 = 0.1 g1 = (0.05, -0.1), v1 = 0.001 g1^2 = (0.00025, 0.001),
        //   mhat1 = g1, vhat1 = g1^2: theta1 = (1, -2) - 0.1 sign(g1)              = (0.9, -1.9)
        // m2 = (0.055, -0.07), v2 = (0.00025975, 0.001039),
        //   mhat2 = m2 / 0.19 = (0.2894737, -0.3684211), vhat2 = v2 / 0.001999 = (0.1299400, 0.5197599),
        //   theta2 = theta1 - 0.1 (0.2894737/0.3604719, -0.3684211/0.7209438)
        //          = (0.9, -1.9) - (0.0803041, -0.0511026)                        = (0.8196959, -1.8488974)
        // m3 = (0.0095, -0.033), v3 = (0.000419490, 0.001127961),
        //   mhat3 = m3 / 0.271 = (0.0350554, -0.1217712), vhat3 = v3 / 0.002997001 = (0.1399699, 0.3763633),
        //   theta3 = theta2 - 0.1 (0.0350554/0.3741255, -0.1217712/0.6134846)
        //          = theta2 - (0.0093699, -0.0198491)                             = (0.8103260, -1.8290483)
        assertSteps(new Adam(0.1), new double[][] {
            {0.9, -1.9}, {0.8196959064, -1.8488973940}, {0.8103259664, -1.8290482837}}, 1e-8);
    }

    @Test
    void adamAddsEpsilonAfterTheBiasCorrectedRoot() {
        // With eps = 0.5 its placement shows: theta1 = theta0 - lr mhat1 / (sqrt(vhat1) + eps)
        //   = (1, -2) - 0.1 (0.5 / (0.5 + 0.5), -1 / (1 + 0.5)) = (0.95, -1.9333333).
        // (TensorFlow's eps-hat form, theta - lr sqrt(1 - beta2) / (1 - beta1) * m / (sqrt(v) + eps),
        // would give (0.9969347, -1.9940517).)
        // Steps 2 and 3 as in adamFollowsKingmaBaAlgorithm1 with 0.5 in place of 1e-8:
        //   theta2 = theta1 - 0.1 (0.2894737/0.8604719, -0.3684211/1.2209438) = (0.9163587, -1.9031582)
        //   theta3 = theta2 - 0.1 (0.0350554/0.8741255, -0.1217712/1.1134846) = (0.9123484, -1.8922222)
        assertSteps(new Adam(0.1, 0.9, 0.999, 0.5), new double[][] {
            {0.95, -1.9333333333}, {0.9163587278, -1.9031582286}, {0.9123483947, -1.8922221790}}, 1e-9);
    }

    @Test
    void adamWFollowsLoshchilovHutterAlgorithm2() {
        // Loshchilov and Hutter (2019), Algorithm 2 with eta_t = 1, alpha = lr = 0.1 and
        // lambda = lr * wd = 0.05 (wd = 0.5): theta <- theta - (alpha mhat / (sqrt(vhat) + eps) + lambda theta).
        // The Adam part is the same as in adamFollowsKingmaBaAlgorithm1:
        // theta1 = (1, -2) - (0.1, -0.1) - 0.05 (1, -2)                               = (0.85, -1.8)
        // theta2 = (0.85, -1.8) - (0.0803041, -0.0511026) - 0.05 (0.85, -1.8)         = (0.7271959, -1.6588974)
        // theta3 = theta2 - (0.0093699, -0.0198491) - 0.05 (0.7271959, -1.6588974)    = (0.6814662, -1.5561034)
        assertSteps(new AdamW(0.1, 0.5), new double[][] {
            {0.85, -1.8}, {0.7271959063, -1.6588973939}, {0.6814661709, -1.5561034140}}, 1e-8);
    }

    @Test
    void adamWWithoutDecayIsAdam() {
        double[] a = {1, -2};
        double[] b = {1, -2};
        Adam adam = new Adam(0.1);
        AdamW adamW = new AdamW(0.1, 0.0);
        for (double[] g : GRADIENTS) {
            adam.step(a, g);
            adamW.step(b, g);
        }
        assertArrayEquals(a, b, 0.0);
    }

    @Test
    void nesterovIsSutskeversLookAheadMomentumInAnotherVariable() {
        // Sutskever et al. (2013): v <- mu v - lr grad f(phi + mu v); phi <- phi + v. With
        // theta = phi + mu v this is PyTorch's form, so the iterates agree, here on f = x^2 + 5 y^2.
        double lr = 0.05;
        double mu = 0.8;
        double[] phi = {2, 1};
        double[] v = {0, 0};
        double[] theta = {2, 1};
        Nesterov nesterov = new Nesterov(lr, mu);
        double[] g = new double[2];
        for (int t = 0; t < 20; t++) {
            double[] look = {phi[0] + mu * v[0], phi[1] + mu * v[1]};
            v[0] = mu * v[0] - lr * 2 * look[0];
            v[1] = mu * v[1] - lr * 10 * look[1];
            phi[0] += v[0];
            phi[1] += v[1];
            g[0] = 2 * theta[0];
            g[1] = 10 * theta[1];
            nesterov.step(theta, g);
            assertArrayEquals(new double[] {phi[0] + mu * v[0], phi[1] + mu * v[1]}, theta, 1e-12, "step " + t);
        }
    }

    @Test
    void effectiveStepsAreTheRateOverTheRootOfTheAccumulator() {
        double[] theta = {1, -2};
        double[] out = new double[2];
        AdaGrad adaGrad = new AdaGrad(0.1);
        adaGrad.effectiveStep(out);
        assertArrayEquals(new double[] {1e9, 1e9}, out, 1e-3); // lr / eps before any step
        adaGrad.step(theta, GRADIENTS[0]);
        adaGrad.step(theta, GRADIENTS[1]);
        adaGrad.effectiveStep(out);
        // lr / sqrt(G2) = 0.1 / (sqrt(0.26), sqrt(1.04))
        assertArrayEquals(new double[] {0.1961161351, 0.0980580676}, out, 1e-9);

        Adam adam = new Adam(0.1);
        adam.step(theta, GRADIENTS[0]);
        adam.effectiveStep(out);
        // lr / sqrt(vhat1) = lr / |g1|
        assertArrayEquals(new double[] {0.2, 0.1}, out, 1e-8);

        RMSProp rms = new RMSProp(0.1, 0.9, 1e-8);
        rms.step(theta, GRADIENTS[0]);
        rms.effectiveStep(out);
        // lr / sqrt(0.1 g1^2) = 0.1 / (0.1581139, 0.3162278)
        assertArrayEquals(new double[] {0.6324555320, 0.3162277660}, out, 1e-7);
    }

    @Test
    void resetForgetsTheStateButKeepsTheBuffers() {
        for (Optimizer opt : new Optimizer[] {new Momentum(0.1, 0.9), new Nesterov(0.1, 0.9), new AdaGrad(0.1),
            new RMSProp(0.1), new Adam(0.1), new AdamW(0.1, 0.5)}) {
            double[] first = {1, -2};
            for (double[] g : GRADIENTS) {
                opt.step(first, g);
            }
            opt.reset();
            double[] second = {1, -2};
            for (double[] g : GRADIENTS) {
                opt.step(second, g);
            }
            assertArrayEquals(first, second, 0.0, opt.describe());
        }
    }
}
