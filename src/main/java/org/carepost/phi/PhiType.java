package org.carepost.phi;

/** The 18 HIPAA Safe Harbor identifier kinds the detector reports. */
public enum PhiType {
    NAME, GEO, DATE, AGE_OVER_89, PHONE, FAX, EMAIL, SSN, MRN, HEALTH_PLAN, ACCOUNT, LICENSE,
    VEHICLE, DEVICE, URL, IP, BIOMETRIC, OTHER_ID
}
