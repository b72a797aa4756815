package org.carepost.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.carepost.offboarding.AccountLocks;
import org.springframework.stereotype.Component;

/**
 * Where the engine decides what a user may do beyond Camunda's authorizations, for every client (/engine-rest,
 * the webapps' REST, Java): the {@link ReservedOperations} table for commands, and the identity service's writes
 * (a user may change their own password, but not their name or e-mail, and may not delete themselves: Camunda
 * grants every user ALL on their own user, so "Pat Kim (privacy officer)" could be anybody), and every password
 * check, whichever login path asked (our Basic, /engine-rest Basic, the webapps' login, /identity/verify), goes
 * through the {@link LoginThrottle} instead of Camunda's account lock.
 */
@Component
public class RoleGuardEnginePlugin extends AbstractProcessEnginePlugin {

    /** What a task's candidate users and groups get on it. */
    static final Permission WORK_ON_TASK = new Permission() {
        @Override
        public String getName() {
            return "TASK_WORK_AND_UPDATE_VARIABLE";
        }

        @Override
        public int getValue() {
            return TaskPermissions.TASK_WORK.getValue() | TaskPermissions.UPDATE_VARIABLE.getValue();
        }

        @Override
        public Resource[] getTypes() {
            return TaskPermissions.TASK_WORK.getTypes();
        }
    };

    private final LoginThrottle throttle;
    private final AccountLocks locks;

    public RoleGuardEnginePlugin(LoginThrottle throttle, AccountLocks locks) {
        this.throttle = throttle;
        this.locks = locks;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // Camunda locks an account for good after loginMaxAttempts wrong passwords (ENGINE-27002) and makes it wait
        // loginDelayBase * factor^n seconds before: anyone could lock otto or admin. Never lock, never delay here;
        // the throttle delays by user and by source instead.
        configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
        configuration.setLoginDelayBase(0);
        configuration.setLoginDelayMaxTime(0);
        // A task's candidates may claim, complete and save its form's fields (TASK_WORK, UPDATE_VARIABLE), not
        // reassign, delegate or edit it (Camunda's default, UPDATE, let any candidate rename a task or move its dates).
        configuration.setDefaultUserPermissionForTask(WORK_ON_TASK);
        configuration.setCustomPreCommandInterceptorsTxRequired(with(
                configuration.getCustomPreCommandInterceptorsTxRequired(), new ReservedOperationsInterceptor(configuration)));
        configuration.setCustomPreCommandInterceptorsTxRequiresNew(with(
                configuration.getCustomPreCommandInterceptorsTxRequiresNew(), new ReservedOperationsInterceptor(configuration)));
        configuration.setIdentityService(new GuardedIdentityService(configuration, throttle, locks));
    }

    private static List<CommandInterceptor> with(List<CommandInterceptor> existing, CommandInterceptor added) {
        List<CommandInterceptor> all = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
        all.add(added);
        return all;
    }

    /** The user the engine is working for, unless they belong to the admin groups (or nobody: the engine itself). */
    static Authentication restrictedUser(ProcessEngineConfigurationImpl configuration) {
        Authentication user = configuration.getIdentityService().getCurrentAuthentication();
        if (user == null) {
            return null;
        }
        boolean admin = configuration.getAdminUsers() != null && configuration.getAdminUsers().contains(user.getUserId())
                || user.getGroupIds() != null && configuration.getAdminGroups() != null
                && user.getGroupIds().stream().anyMatch(configuration.getAdminGroups()::contains);
        return admin ? null : user;
    }

    static final class ReservedOperationsInterceptor extends CommandInterceptor {

        private final ProcessEngineConfigurationImpl configuration;

        ReservedOperationsInterceptor(ProcessEngineConfigurationImpl configuration) {
            this.configuration = configuration;
        }

        @Override
        public <T> T execute(Command<T> command) {
            Authentication user = restrictedUser(configuration);
            if (user != null) {
                ReservedOperations.rule(command.getClass()).ifPresent(rule -> {
                    if (user.getGroupIds() == null || user.getGroupIds().stream().noneMatch(rule.groups()::contains)) {
                        throw new AuthorizationException("'" + rule.what() + "' is reserved to "
                                + (rule.groups().isEmpty() ? "administrators" : "groups " + rule.groups()
                                + " and administrators") + ".");
                    }
                });
            }
            return next.execute(command);
        }
    }

    static class GuardedIdentityService extends IdentityServiceImpl {

        private final ProcessEngineConfigurationImpl configuration;
        private final LoginThrottle throttle;
        private final AccountLocks locks;

        GuardedIdentityService(ProcessEngineConfigurationImpl configuration, LoginThrottle throttle, AccountLocks locks) {
            this.configuration = configuration;
            this.throttle = throttle;
            this.locks = locks;
        }

        /** While the user or the source must wait, no password is even compared: the answer is "no". */
        @Override
        public boolean checkPassword(String userId, String password) {
            LoginSource source = LoginSource.current();
            if (!throttle.waitFor(source.address(), userId).isZero()) {
                throttle.throttled(source.address(), userId, source.channel());
                return false;
            }
            // A locked account (offboarding) never logs in, whatever its password is now.
            boolean ok = !locks.isLocked(userId) && super.checkPassword(userId, password);
            boolean known = ok || userId != null && commandExecutor.execute(context -> context.runWithoutAuthorization(
                    () -> context.getReadOnlyIdentityProvider().findUserById(userId))) != null;
            throttle.checked(source.address(), userId, ok, known, source.channel());
            return ok;
        }

        @Override
        public void saveUser(User user, boolean skipPasswordPolicy) {
            Authentication current = restrictedUser(configuration);
            if (current != null && user != null && user.getId() != null) {
                User stored = commandExecutor.execute(context -> context.runWithoutAuthorization(
                        () -> context.getReadOnlyIdentityProvider().findUserById(user.getId())));
                if (stored != null && (!Objects.equals(stored.getFirstName(), user.getFirstName())
                        || !Objects.equals(stored.getLastName(), user.getLastName())
                        || !Objects.equals(stored.getEmail(), user.getEmail()))) {
                    throw new AuthorizationException("Names and e-mail addresses are changed by an administrator.");
                }
            }
            super.saveUser(user, skipPasswordPolicy);
        }

        @Override
        public void deleteUser(String userId) {
            if (restrictedUser(configuration) != null) {
                throw new AuthorizationException("Users are deleted by an administrator.");
            }
            super.deleteUser(userId);
        }
    }
}
