/**
 * Test functions for the optimizers, as in ensmallen's {@code problems}: small objectives whose
 * minimum and curvature are known, so an optimizer's path and convergence rate can be compared
 * with theory. Each implements {@link gdkit.model.Objective} (and {@link gdkit.model.HasHessian}),
 * so the same {@link gdkit.train.Trainer} runs on them.
 */
package gdkit.optim.functions;
