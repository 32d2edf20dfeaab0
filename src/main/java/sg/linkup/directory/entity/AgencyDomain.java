package sg.linkup.directory.entity;

public enum AgencyDomain {
    EMPLOYMENT, HOUSING, LEGAL, FAMILY, HEALTHCARE;

    /** Naming a legal or family service in an SMS could expose a client; these are always sensitive. */
    public boolean alwaysSensitive() {
        return this == LEGAL || this == FAMILY;
    }
}
