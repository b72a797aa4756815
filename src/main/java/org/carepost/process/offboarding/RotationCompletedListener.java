package org.carepost.process.offboarding;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.spin.json.SpinJsonNode;
import org.carepost.offboarding.CredentialRotation;
import org.springframework.stereotype.Component;

/**
 * "Rotate credentials" completed: every listed account must be ticked; records who confirmed the rotation. A
 * checklist arrives from Tasklist as a JSON list, from Java as a list.
 */
@Component
public class RotationCompletedListener implements TaskListener {

    private final CredentialRotation rotation;

    public RotationCompletedListener(CredentialRotation rotation) {
        this.rotation = rotation;
    }

    @Override
    public void notify(DelegateTask task) {
        Authentication user = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        List<String> ticked = ticked(task.getVariable(OffboardingSteps.ROTATED));
        OffboardingSteps.refusing(() -> {
            rotation.recordRotation(task.getProcessInstanceId(), user == null ? null : user.getUserId(), ticked);
            return null;
        });
    }

    static List<String> ticked(Object value) {
        List<String> ticked = new ArrayList<>();
        if (value == null) {
            return ticked;
        }
        if (value instanceof SpinJsonNode json && json.isArray()) {
            json.elements().forEach(e -> ticked.add(e.isString() ? e.stringValue() : e.toString()));
        } else if (value instanceof Collection<?> list) {
            list.forEach(e -> ticked.add(String.valueOf(e)));
        } else {
            throw new BadUserRequestException("Rotated: tick the accounts in the list.");
        }
        return ticked;
    }
}
