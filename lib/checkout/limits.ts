/** A buyer gets this many tries at one intent; the last decline fails it (seed 002). */
export const MAX_ATTEMPTS = 5;
