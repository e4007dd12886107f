package org.parley.chat.internal;

import java.time.OffsetDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** SQL for visitors, their page views and the agents' notes about them. */
interface VisitorMapper {
    String RECORD = "id, created_at, name, email, blocked, blocked_by, blocked_at, visits, last_seen_at, ip, user_agent,"
            + " country, city, visit_referrer";

    @Insert("INSERT INTO chat_visitor (id, token_hash, created_at) VALUES (#{id}, #{tokenHash}, #{createdAt})")
    void insert(@Param("id") String id, @Param("tokenHash") String tokenHash, @Param("createdAt") OffsetDateTime createdAt);

    @Select("SELECT id, created_at FROM chat_visitor WHERE token_hash = #{tokenHash}")
    VisitorRow findByTokenHash(String tokenHash);

    @Select("SELECT " + RECORD + " FROM chat_visitor WHERE id = #{id}")
    VisitorRecordRow find(String id);

    /** The row, locked until the transaction ends: page views of one visitor are counted one at a time. */
    @Select("SELECT " + RECORD + " FROM chat_visitor WHERE id = #{id} FOR UPDATE")
    VisitorRecordRow lock(String id);

    @Select("SELECT blocked FROM chat_visitor WHERE id = #{id}")
    Boolean blocked(String id);

    @Update("UPDATE chat_visitor SET name = #{name}, email = #{email} WHERE id = #{id}")
    int identify(@Param("id") String id, @Param("name") String name, @Param("email") String email);

    @Update("UPDATE chat_visitor SET blocked = #{blocked}, blocked_by = #{agentId}, blocked_at = #{at} WHERE id = #{id}")
    int block(@Param("id") String id, @Param("blocked") boolean blocked, @Param("agentId") String agentId,
            @Param("at") OffsetDateTime at);

    @Update("UPDATE chat_visitor SET visits = #{r.visits}, last_seen_at = #{r.lastSeenAt}, ip = #{r.ip},"
            + " user_agent = #{r.userAgent}, country = #{r.country}, city = #{r.city},"
            + " visit_referrer = #{r.visitReferrer} WHERE id = #{r.id}")
    void seen(@Param("r") VisitorRecordRow row);

    @Insert("INSERT INTO chat_page_view (visitor_id, url, title, referrer, viewed_at)"
            + " VALUES (#{visitorId}, #{url}, #{title}, #{referrer}, #{viewedAt})")
    void insertPageView(@Param("visitorId") String visitorId, @Param("url") String url, @Param("title") String title,
            @Param("referrer") String referrer, @Param("viewedAt") OffsetDateTime viewedAt);

    /** Deletes all but the newest {@code kept} page views of the visitor. */
    @Delete("DELETE FROM chat_page_view WHERE visitor_id = #{visitorId} AND id <= (SELECT id FROM chat_page_view"
            + " WHERE visitor_id = #{visitorId} ORDER BY id DESC LIMIT 1 OFFSET #{kept})")
    int prunePageViews(@Param("visitorId") String visitorId, @Param("kept") int kept);

    @Select("SELECT url, title, referrer, viewed_at FROM chat_page_view WHERE visitor_id = #{visitorId}"
            + " ORDER BY id DESC LIMIT #{limit}")
    List<PageViewRow> pageViews(@Param("visitorId") String visitorId, @Param("limit") int limit);

    @Insert("INSERT INTO chat_visitor_note (id, visitor_id, author_id, author_name, body, created_at)"
            + " VALUES (#{id}, #{visitorId}, #{authorId}, #{authorName}, #{body}, #{createdAt})")
    void insertNote(NoteRow note);

    String NOTE = "id, visitor_id, author_id, author_name, body, created_at, updated_at";

    @Select("SELECT " + NOTE + " FROM chat_visitor_note WHERE visitor_id = #{visitorId} ORDER BY created_at, id")
    List<NoteRow> notes(String visitorId);

    @Select("SELECT " + NOTE + " FROM chat_visitor_note WHERE id = #{id} AND visitor_id = #{visitorId}")
    NoteRow note(@Param("visitorId") String visitorId, @Param("id") String id);

    /** Changes the note only when the agent wrote it, so a check and a change by someone else cannot interleave. */
    @Update("UPDATE chat_visitor_note SET body = #{body}, updated_at = #{at} WHERE id = #{id}"
            + " AND visitor_id = #{visitorId} AND author_id = #{authorId}")
    int editNote(@Param("visitorId") String visitorId, @Param("id") String id, @Param("authorId") String authorId,
            @Param("body") String body, @Param("at") OffsetDateTime at);

    @Delete("DELETE FROM chat_visitor_note WHERE id = #{id} AND visitor_id = #{visitorId} AND author_id = #{authorId}")
    int deleteNote(@Param("visitorId") String visitorId, @Param("id") String id, @Param("authorId") String authorId);
}
