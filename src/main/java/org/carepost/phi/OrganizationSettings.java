package org.carepost.phi;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code carepost.phi.organization.*}: the hospital's own identifiers, which the PHI detector does not report.
 *
 * @param names        the hospital's names ("Cedar Valley Medical Center", "Cedar Valley Health")
 * @param phones       public phone and fax numbers, any format
 * @param emailDomains public e-mail domains (subdomains included)
 * @param websites     public websites (host; subdomains and paths included)
 * @param addresses    street addresses ("1500 Riverside Parkway"; "Pkwy" and "Parkway" are the same)
 * @param staff        names of staff who appear in posts in their professional role, besides the Camunda users
 * @param camundaUsers whether every Camunda user's first and last name is a staff name
 */
@ConfigurationProperties("carepost.phi.organization")
public record OrganizationSettings(List<String> names, List<String> phones, List<String> emailDomains,
                                   List<String> websites, List<String> addresses, List<String> staff,
                                   Boolean camundaUsers) {

    static final OrganizationSettings NONE = new OrganizationSettings(null, null, null, null, null, null, false);

    public OrganizationSettings {
        names = copy(names);
        phones = copy(phones);
        emailDomains = copy(emailDomains);
        websites = copy(websites);
        addresses = copy(addresses);
        staff = copy(staff);
        camundaUsers = camundaUsers == null || camundaUsers;
    }

    /**
     * Reads {@code carepost.phi.organization} from a YAML file (application.yml layout, kebab-case keys), for the
     * {@code phi-scan} command and tests that run without Spring.
     */
    public static OrganizationSettings fromYaml(java.io.InputStream in) {
        Object root = new org.yaml.snakeyaml.Yaml().load(in);
        Object node = root;
        for (String key : new String[] {"carepost", "phi", "organization"}) {
            node = node instanceof java.util.Map<?, ?> map ? map.get(key) : null;
        }
        if (!(node instanceof java.util.Map<?, ?> org)) {
            throw new IllegalArgumentException("no carepost.phi.organization in the file");
        }
        Object users = org.get("camunda-users");
        return new OrganizationSettings(strings(org.get("names")), strings(org.get("phones")),
                strings(org.get("email-domains")), strings(org.get("websites")), strings(org.get("addresses")),
                strings(org.get("staff")), users == null ? Boolean.FALSE : Boolean.valueOf(users.toString()));
    }

    private static List<String> strings(Object list) {
        return list instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }

    private static List<String> copy(List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).toList();
    }
}
