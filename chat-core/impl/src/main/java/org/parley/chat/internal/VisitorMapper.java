package org.parley.chat.internal;

import java.time.OffsetDateTime;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** SQL for visitors. */
interface VisitorMapper {

    @Insert("INSERT INTO chat_visitor (id, token_hash, created_at) VALUES (#{id}, #{tokenHash}, #{createdAt})")
    void insert(@Param("id") String id, @Param("tokenHash") String tokenHash, @Param("createdAt") OffsetDateTime createdAt);

    @Select("SELECT id, created_at FROM chat_visitor WHERE token_hash = #{tokenHash}")
    VisitorRow findByTokenHash(String tokenHash);
}
