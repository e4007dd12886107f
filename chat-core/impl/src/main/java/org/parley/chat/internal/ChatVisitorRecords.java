package org.parley.chat.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.ibatis.session.SqlSession;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.parley.chat.api.ChatException;
import org.parley.chat.api.PageView;
import org.parley.chat.api.VisitorNote;
import org.parley.chat.api.VisitorOrigin;
import org.parley.chat.api.VisitorRecord;
import org.parley.chat.api.VisitorRecords;

/** Visitor records, page views and notes in the chat tables. */
@Component(service = VisitorRecords.class)
public class ChatVisitorRecords implements VisitorRecords {
    private final ChatStore store;

    @Activate
    public ChatVisitorRecords(@Reference ChatStore store) {
        this.store = store;
    }

    @Override
    public Optional<VisitorRecord> find(String visitorId) {
        try (SqlSession session = store.session()) {
            return Optional.ofNullable(session.getMapper(VisitorMapper.class).find(visitorId))
                    .map(VisitorRecordRow::toRecord);
        }
    }

    @Override
    public VisitorRecord identify(String visitorId, String name, String email) {
        String checkedName = VisitorRules.name(name);
        String checkedEmail = VisitorRules.email(email);
        try (SqlSession session = store.session()) {
            VisitorMapper visitors = session.getMapper(VisitorMapper.class);
            if (visitors.identify(visitorId, checkedName, checkedEmail) == 0) {
                throw unknown(visitorId);
            }
            VisitorRecord record = visitors.find(visitorId).toRecord();
            session.commit();
            store.blockChanged(visitorId);
            return record;
        }
    }

    @Override
    public VisitorRecord recordPageView(String visitorId, PageView view, VisitorOrigin origin) {
        String url = VisitorRules.url(view.url());
        String referrer = VisitorRules.referrer(view.referrer());
        String title = VisitorRules.title(view.title());
        OffsetDateTime now = ChatStore.now();
        try (SqlSession session = store.session()) {
            VisitorMapper visitors = session.getMapper(VisitorMapper.class);
            VisitorRecordRow row = visitors.lock(visitorId);
            if (row == null) {
                throw unknown(visitorId);
            }
            if (row.lastSeenAt == null || row.lastSeenAt.plus(NEW_VISIT_AFTER).isBefore(now)) {
                row.visits++;
                row.visitReferrer = referrer;
            }
            row.lastSeenAt = now;
            row.ip = VisitorRules.cut(origin.ip(), 45);
            row.userAgent = VisitorRules.cut(origin.userAgent(), 1000);
            row.country = VisitorRules.cut(origin.country(), 100);
            row.city = VisitorRules.cut(origin.city(), 200);
            visitors.seen(row);
            visitors.insertPageView(visitorId, url, title, referrer, now);
            visitors.prunePageViews(visitorId, KEPT_PAGE_VIEWS);
            session.commit();
            return row.toRecord();
        }
    }

    @Override
    public List<PageView> pageViews(String visitorId) {
        try (SqlSession session = store.session()) {
            return session.getMapper(VisitorMapper.class).pageViews(visitorId, KEPT_PAGE_VIEWS).stream()
                    .map(PageViewRow::toPageView)
                    .toList();
        }
    }

    @Override
    public VisitorRecord setBlocked(String visitorId, boolean blocked, String agentId) {
        try (SqlSession session = store.session()) {
            VisitorMapper visitors = session.getMapper(VisitorMapper.class);
            int changed = blocked
                    ? visitors.block(visitorId, true, agentId, ChatStore.now())
                    : visitors.block(visitorId, false, null, null);
            if (changed == 0) {
                throw unknown(visitorId);
            }
            VisitorRecord record = visitors.find(visitorId).toRecord();
            session.commit();
            store.blockChanged(visitorId);
            return record;
        }
    }

    /** Whether the visitor is blocked; unknown visitors are not (their conversations do not exist either). */
    static boolean isBlocked(SqlSession session, String visitorId) {
        return Boolean.TRUE.equals(session.getMapper(VisitorMapper.class).blocked(visitorId));
    }

    static ChatException blocked() {
        return new ChatException(ChatException.Reason.BLOCKED, null, "Sorry, you cannot start new chats here.");
    }

    @Override
    public List<VisitorNote> notes(String visitorId) {
        try (SqlSession session = store.session()) {
            return session.getMapper(VisitorMapper.class).notes(visitorId).stream().map(NoteRow::toNote).toList();
        }
    }

    @Override
    public VisitorNote addNote(String visitorId, String authorId, String authorName, String text) {
        NoteRow note = new NoteRow();
        note.body = VisitorRules.note(text);
        note.id = UUID.randomUUID().toString();
        note.visitorId = visitorId;
        note.authorId = authorId;
        note.authorName = authorName;
        note.createdAt = ChatStore.now();
        try (SqlSession session = store.session()) {
            if (session.getMapper(VisitorMapper.class).find(visitorId) == null) {
                throw unknown(visitorId);
            }
            session.getMapper(VisitorMapper.class).insertNote(note);
            session.commit();
        }
        return note.toNote();
    }

    @Override
    public VisitorNote editNote(String visitorId, String noteId, String agentId, String text) {
        String body = VisitorRules.note(text);
        try (SqlSession session = store.session()) {
            VisitorMapper visitors = session.getMapper(VisitorMapper.class);
            if (visitors.editNote(visitorId, noteId, agentId, body, ChatStore.now()) == 0) {
                throw refusal(visitors.note(visitorId, noteId));
            }
            NoteRow note = visitors.note(visitorId, noteId);
            session.commit();
            return note.toNote();
        }
    }

    @Override
    public void deleteNote(String visitorId, String noteId, String agentId) {
        try (SqlSession session = store.session()) {
            VisitorMapper visitors = session.getMapper(VisitorMapper.class);
            if (visitors.deleteNote(visitorId, noteId, agentId) == 0) {
                throw refusal(visitors.note(visitorId, noteId));
            }
            session.commit();
        }
    }

    private static ChatException refusal(NoteRow existing) {
        return existing == null
                ? new ChatException(ChatException.Reason.NOT_FOUND, "noteId", "No such note")
                : new ChatException(ChatException.Reason.FORBIDDEN, "noteId", "Only the note's author may change it");
    }

    private static ChatException unknown(String visitorId) {
        return new ChatException(ChatException.Reason.NOT_FOUND, "visitorId", "No visitor has the id " + visitorId);
    }
}
