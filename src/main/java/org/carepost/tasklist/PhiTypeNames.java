package org.carepost.tasklist;

import java.util.Map;
import org.carepost.phi.PhiType;

/** What a finding type is called in the forms: a communications person reads "Name", not "NAME". */
public final class PhiTypeNames {

    private static final Map<PhiType, String> LABELS = Map.ofEntries(
            Map.entry(PhiType.NAME, "Name"),
            Map.entry(PhiType.GEO, "Place smaller than a state (town, street, ZIP)"),
            Map.entry(PhiType.DATE, "Date (day or month)"),
            Map.entry(PhiType.AGE_OVER_89, "Age over 89"),
            Map.entry(PhiType.PHONE, "Phone number"),
            Map.entry(PhiType.FAX, "Fax number"),
            Map.entry(PhiType.EMAIL, "E-mail address"),
            Map.entry(PhiType.SSN, "Social Security number"),
            Map.entry(PhiType.MRN, "Medical record number"),
            Map.entry(PhiType.HEALTH_PLAN, "Health plan number"),
            Map.entry(PhiType.ACCOUNT, "Account number"),
            Map.entry(PhiType.LICENSE, "Certificate or license number"),
            Map.entry(PhiType.VEHICLE, "Vehicle identifier"),
            Map.entry(PhiType.DEVICE, "Device identifier"),
            Map.entry(PhiType.URL, "Web address"),
            Map.entry(PhiType.IP, "IP address"),
            Map.entry(PhiType.BIOMETRIC, "Biometric identifier"),
            Map.entry(PhiType.OTHER_ID, "Other identifying number"));

    private PhiTypeNames() {
    }

    public static String label(PhiType type) {
        return LABELS.getOrDefault(type, type.name());
    }

    /** A type name as stored ("GEO"), or the name itself when it is not a finding type. */
    public static String label(String type) {
        try {
            return label(PhiType.valueOf(type));
        } catch (IllegalArgumentException e) {
            return type;
        }
    }
}
