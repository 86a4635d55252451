package ma.hanout.sim;

/** Production or sandbox: same endpoints, separate recharges; the sandbox never debits. */
enum Environment {
    PRODUCTION(""), SANDBOX("SBX-");

    /** What every {@code ref_interne} of this environment starts with. */
    final String refPrefix;

    Environment(String refPrefix) {
        this.refPrefix = refPrefix;
    }

    boolean debits() {
        return this == PRODUCTION;
    }
}
