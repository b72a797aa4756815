-- With enforceSpecificVariablePermission (application.yml) a task's variables, and through them its process's
-- (Tasklist's forms read draftView via the task), need READ_VARIABLE (64) on the task. Camunda puts it into the
-- grants it writes for a task's candidates and assignee from now on; this gives it to the grants of tasks created
-- before, which have READ (2) on their own task, so an open review stays readable to the same people after the
-- upgrade. Resource type 7 = TASK, type 1 = grant; "*" grants are IdentitySetup's. Portable arithmetic instead of
-- a bitwise operator (H2 and PostgreSQL spell it differently); perms_ = ALL has the bit already.
update act_ru_authorization
   set perms_ = perms_ + 64, rev_ = rev_ + 1
 where type_ = 1
   and resource_type_ = 7
   and resource_id_ <> '*'
   and mod(perms_ / 2, 2) = 1
   and mod(perms_ / 64, 2) = 0;
