package org.carepost.process.approval;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.spin.json.SpinJsonNode;
import org.carepost.content.ContentItem;
import org.carepost.content.ContentService;
import org.carepost.content.InvalidContentException;
import org.carepost.content.NewContent;
import org.springframework.stereotype.Component;
import org.carepost.process.forms.FormRefusal;
import org.carepost.process.engine.ProcessVariables;

/**
 * A draft started from Tasklist's start form (no business key yet): stores it exactly as POST /api/content would,
 * then keeps only ids in the process. A start with a business key runs on an existing draft: only our own code
 * may do that ({@link ExistingDraftStart}).
 */
@Component
public class DraftFromStartFormListener implements ExecutionListener {

    private static final List<String> FORM_FIELDS = List.of("title", "kind", "text", "platforms");

    private final ContentService contents;
    private final ExistingDraftStart existingDraft;

    public DraftFromStartFormListener(ContentService contents, ExistingDraftStart existingDraft) {
        this.contents = contents;
        this.existingDraft = existingDraft;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.getProcessBusinessKey() != null) {
            existingDraft.check(execution);
            return;
        }
        Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (user == null) {
            throw new BadUserRequestException("Log in to start a draft.");
        }
        NewContent draft = new NewContent(string(execution, "title"), string(execution, "kind"),
                string(execution, "department"), string(execution, "text"), platforms(execution.getVariable("platforms")),
                string(execution, "publishAt"));
        Set<String> groups = user.getGroupIds() == null ? Set.of() : new HashSet<>(user.getGroupIds());
        if (!groups.contains("authors")) {
            throw new BadUserRequestException("Only members of the authors group start drafts.");
        }
        ContentItem item;
        try {
            item = contents.create(draft, user.getUserId(), groups);
        } catch (InvalidContentException e) {
            throw FormRefusal.of(e); // "Publish at: ...", on the form, not a 500
        }
        contents.attachProcess(item.getId(), execution.getProcessInstanceId());
        execution.setProcessBusinessKey(item.getId().toString());
        execution.setVariable(ProcessVariables.CONTENT_ID, item.getId().toString());
        execution.setVariable(ProcessVariables.AUTHOR, user.getUserId());
        execution.setVariable(ProcessVariables.DEPARTMENT, item.getDepartment());
        execution.setVariable(ProcessVariables.PUBLISH_AT, Date.from(item.getPublishAt()));
        // The text now lives in our tables; the process keeps ids only.
        FORM_FIELDS.forEach(execution::removeVariable);
    }

    private static String string(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString();
    }

    /** Camunda Forms submit a checklist as JSON; the Java API may pass a list or a comma-separated string. */
    static List<String> platforms(Object value) {
        List<String> result = new ArrayList<>();
        if (value instanceof SpinJsonNode json && json.isArray()) {
            json.elements().forEach(e -> result.add(e.isString() ? e.stringValue() : e.toString()));
        } else if (value instanceof List<?> list) {
            list.forEach(v -> result.add(String.valueOf(v)));
        } else if (value != null) {
            String text = value.toString().replaceAll("[\\[\\]\"]", "");
            for (String part : text.split(",")) {
                if (!part.isBlank()) {
                    result.add(part.strip());
                }
            }
        }
        return result;
    }
}
