package org.carepost.process.engine;

import java.util.Date;
import org.camunda.bpm.engine.impl.calendar.DurationHelper;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Due dates of user tasks, {@code camunda:dueDate="${taskDue.in(reviewSla)}"}: Tasklist shows and sorts by them, and
 * the shared filters "Due today" and "Overdue" rely on them.
 */
@Component
public class TaskDue {

    /** Now (the engine's clock) plus an ISO-8601 duration such as P2D or PT1H. */
    public Date in(String isoDuration) {
        try {
            return new DurationHelper(isoDuration, ClockUtil.getCurrentTime()).getDateAfter();
        } catch (Exception e) {
            throw new IllegalArgumentException("not an ISO-8601 duration: " + isoDuration, e);
        }
    }
}
