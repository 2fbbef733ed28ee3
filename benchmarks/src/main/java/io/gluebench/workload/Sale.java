package io.gluebench.workload;

/** One row of the records workload: what an orchestrator typically holds, a small immutable object. */
public record Sale(long id, String category, long amountCents) {
}
