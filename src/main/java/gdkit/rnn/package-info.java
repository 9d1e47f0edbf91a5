/**
 * Recurrent networks: a vanilla (Elman) recurrent network {@link gdkit.rnn.Rnn} with a
 * hand-written backward pass through time, truncated at a chosen number of steps
 * ({@link gdkit.rnn.RnnObjective}, which also records the per-time-step gradient norms
 * ||dL/dh_t||), the ways to draw its recurrent matrix ({@link gdkit.rnn.RecurrentInit}), and
 * seeded sequence tasks with a long-range dependence ({@link gdkit.rnn.Sequences}).
 */
package gdkit.rnn;
