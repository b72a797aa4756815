package org.carepost.phi;

/** The 18 HIPAA Safe Harbor identifier kinds the detector reports. */
public enum PhiType {
    NAME("a name"),
    GEO("a place or address"),
    DATE("a date"),
    AGE_OVER_89("an age over 89"),
    PHONE("a phone number"),
    FAX("a fax number"),
    EMAIL("an e-mail address"),
    SSN("a Social Security number"),
    MRN("a medical record number"),
    HEALTH_PLAN("a health plan number"),
    ACCOUNT("an account number"),
    LICENSE("a licence or certificate number"),
    VEHICLE("a vehicle plate or VIN"),
    DEVICE("a device serial number"),
    URL("a web address"),
    IP("an IP address"),
    BIOMETRIC("a biometric identifier"),
    OTHER_ID("a room, bed or other identifying number");

    private final String label;

    PhiType(String label) {
        this.label = label;
    }

    /** The kind in plain words, for messages shown to the privacy office ("a place or address"). */
    public String label() {
        return label;
    }
}
