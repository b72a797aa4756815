package org.carepost.review;

import java.util.Collection;

/** Who may decide what. Pure rules, so they are the same wherever a decision is taken. */
public final class SegregationOfDuties {

    private SegregationOfDuties() {
    }

    /**
     * @param actor          the user completing the task, or null if nobody is authenticated
     * @param actorGroups    the actor's groups
     * @param author         the author of the draft
     * @param kind           which review or sign-off
     * @param departmentHeads the heads of the draft's department (only used for sign-off)
     * @param department     the draft's department (for the message)
     */
    public static void check(String actor, Collection<String> actorGroups, String author, ReviewKind kind, Collection<String> departmentHeads,
                             String department) {
        if (actor == null || actor.isBlank()) {
            throw new SegregationOfDutiesException(
                    "A " + kind.code() + " decision must be taken by an authenticated user; no user is logged in.");
        }
        if (actor.equals(author)) {
            throw new SegregationOfDutiesException("Segregation of duties: " + actor
                    + " is the author of this draft and may not take its " + kind.code() + " decision.");
        }
        if (kind != ReviewKind.SIGNOFF && !actorGroups.contains(kind.code())) {
            throw new SegregationOfDutiesException("Only members of group " + kind.code()
                    + " may take the " + kind.code() + " decision; " + actor + " is not one.");
        }
        if (kind == ReviewKind.SIGNOFF && !departmentHeads.contains(actor)) {
            throw new SegregationOfDutiesException("Only the head of department " + department
                    + " may sign off this draft; " + actor + " is not.");
        }
    }
}
