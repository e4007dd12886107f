package org.parley.agent.internal;

import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.parley.agent.api.Plan;
import org.parley.agent.api.PlanTier;

/** SQL for {@code agent_plan}, a table of one row. */
interface PlanMapper {

    /** The plan row; MyBatis fills the fields. */
    final class PlanRow {
        PlanTier tier;
        int seats;

        Plan toPlan() {
            return new Plan(tier, seats);
        }
    }

    @Select("SELECT tier, seats FROM agent_plan WHERE id = 1")
    PlanRow read();

    /**
     * The plan, locked until the transaction ends: every write that takes a seat calls this first, so such writes
     * run one after the other and each counts what the previous ones committed (H2 and PostgreSQL both take a row
     * lock here).
     */
    @Select("SELECT tier, seats FROM agent_plan WHERE id = 1 FOR UPDATE")
    PlanRow lock();

    @Update("UPDATE agent_plan SET tier = #{tier}, seats = #{seats} WHERE id = 1")
    int update(@Param("tier") PlanTier tier, @Param("seats") int seats);
}
