package org.counterpart.facts.extraction.metric;

/** The metric vocabulary of docs/domain.md: wire code and unit. */
public enum Metric {
    FUNDS_CNY("funds_cny", "CNY"),
    PROJECTS("projects", "projects"),
    WORKERS_TRANSFERRED("workers_transferred", "people"),
    INVESTMENT_CNY("investment_cny", "CNY"),
    CONSUMPTION_CNY("consumption_cny", "CNY"),
    PEOPLE_TRAINED("people_trained", "people"),
    PERSONNEL_EXCHANGED("personnel_exchanged", "people"),
    ENTERPRISES_INTRODUCED("enterprises_introduced", "enterprises"),
    AGREEMENTS("agreements", "agreements"),
    PEOPLE_LIFTED("people_lifted", "people"),
    PEOPLE_BENEFITED("people_benefited", "people"),
    VILLAGES_BENEFITED("villages_benefited", "villages"),
    EXCHANGE_VISITS("exchange_visits", "visits");

    /** Unit used instead of "people" when a report counts person-times (人次), which must not be added to persons. */
    public static final String PERSON_TIMES = "person-times";

    private final String code;
    private final String unit;

    Metric(String code, String unit) { this.code = code; this.unit = unit; }

    public String code() { return code; }

    public String unit() { return unit; }

    public static Metric fromCode(String code) {
        for (Metric m : values()) if (m.code.equals(code)) return m;
        throw new IllegalArgumentException("unknown metric: " + code);
    }

    public boolean countsPeople() { return "people".equals(unit); }
}
