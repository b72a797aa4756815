package org.carepost.phi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * The organisation directory as it stands now: the configured settings plus the names of the Camunda users (staff),
 * read again at most every {@link #REFRESH}. The users are read without the caller's authorizations: a scan runs as
 * whoever submitted a draft, and the staff list must not depend on who that is. Names only, never logged.
 */
public class CurrentOrganizationDirectory implements Supplier<OrganizationDirectory> {

    static final Duration REFRESH = Duration.ofMinutes(5);

    private final OrganizationSettings settings;
    private final Supplier<List<String>> camundaStaff;
    private final Clock clock;
    private volatile OrganizationDirectory current;
    private volatile Instant readAt = Instant.MIN;

    public CurrentOrganizationDirectory(OrganizationSettings settings, Supplier<List<String>> camundaStaff, Clock clock) {
        this.settings = settings;
        this.camundaStaff = settings.camundaUsers() ? camundaStaff : List::of;
        this.clock = clock;
        this.current = new OrganizationDirectory(settings, List.of());
    }

    @Override
    public OrganizationDirectory get() {
        Instant now = clock.instant();
        if (now.isAfter(readAt.plus(REFRESH))) {
            synchronized (this) {
                if (now.isAfter(readAt.plus(REFRESH))) {
                    try {
                        current = new OrganizationDirectory(settings, camundaStaff.get());
                    } catch (RuntimeException e) {
                        // keep the last directory; the users are read again next time
                    }
                    readAt = now;
                }
            }
        }
        return current;
    }

    /** "First Last" of every Camunda user; a role in brackets after the last name is left out. */
    public static Supplier<List<String>> camundaUsers(ProcessEngine engine) {
        return () -> {
            ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
            List<User> users = config.getCommandExecutorTxRequired().execute((CommandContext ctx) -> {
                // inside a running command (a scan during process execution) this is that command's context:
                // leave its authorization check as it was
                boolean enabled = ctx.isAuthorizationCheckEnabled();
                ctx.disableAuthorizationCheck();
                try {
                    return ctx.getReadOnlyIdentityProvider().createUserQuery(ctx).list();
                } finally {
                    if (enabled) {
                        ctx.enableAuthorizationCheck();
                    }
                }
            });
            List<String> names = new ArrayList<>();
            for (User u : users) {
                String first = u.getFirstName() == null ? "" : u.getFirstName().strip();
                String last = u.getLastName() == null ? "" : u.getLastName().replaceAll("\\(.*\\)", "").strip();
                if (!first.isEmpty() && !last.isEmpty()) {
                    names.add(first + " " + last);
                }
            }
            return names;
        };
    }
}
