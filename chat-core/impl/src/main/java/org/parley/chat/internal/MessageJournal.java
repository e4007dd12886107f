package org.parley.chat.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.parley.platform.database.Journal;

/**
 * The records the message writers append to the database's {@link Journal} after each commit, and their replay after
 * a crash. A record is one batch: per message its row and, for an agent's message, the agent whose read mark moved.
 * Replaying inserts the messages the database file lost, with their conversation's counters and read marks, and skips
 * those it holds, so replaying twice changes nothing.
 */
final class MessageJournal {
    private static final int VERSION = 1;

    /** A stored message as the journal keeps it. */
    record Entry(MessageRow row, boolean visitor, String agentId) {}

    private MessageJournal() {}

    static byte[] encode(List<Entry> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128 * entries.size());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeInt(entries.size());
            for (Entry entry : entries) {
                MessageRow row = entry.row();
                out.writeUTF(row.conversationId);
                out.writeLong(row.seq);
                out.writeUTF(row.clientMessageId);
                out.writeUTF(row.senderType);
                writeNullable(out, row.senderId);
                writeNullable(out, row.senderName);
                out.writeUTF(row.body);
                Instant at = row.createdAt.toInstant();
                out.writeLong(at.getEpochSecond());
                out.writeInt(at.getNano());
                out.writeBoolean(entry.visitor());
                writeNullable(out, entry.agentId());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static List<Entry> decode(byte[] record) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(record))) {
            int version = in.readByte();
            if (version != VERSION) {
                throw new IllegalStateException("Unknown message journal record version " + version);
            }
            int count = in.readInt();
            List<Entry> entries = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                MessageRow row = new MessageRow();
                row.conversationId = in.readUTF();
                row.seq = in.readLong();
                row.clientMessageId = in.readUTF();
                row.senderType = in.readUTF();
                row.senderId = readNullable(in);
                row.senderName = readNullable(in);
                row.body = in.readUTF();
                row.createdAt = Instant.ofEpochSecond(in.readLong(), in.readInt()).atOffset(ZoneOffset.UTC);
                entries.add(new Entry(row, in.readBoolean(), readNullable(in)));
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Applies one record in one transaction; returns how many of its messages the database did not have. */
    static int replay(byte[] record, SqlSessionFactory sessions) {
        int inserted = 0;
        try (SqlSession session = sessions.openSession(false)) {
            ConversationMapper conversations = session.getMapper(ConversationMapper.class);
            MessageMapper messages = session.getMapper(MessageMapper.class);
            DeskMapper desk = session.getMapper(DeskMapper.class);
            for (Entry entry : decode(record)) {
                MessageRow row = entry.row();
                if (messages.countAt(row.conversationId, row.seq) > 0
                        || messages.findByClientId(row.conversationId, row.clientMessageId) != null) {
                    continue;
                }
                if (conversations.replayCounter(row.conversationId, row.seq, entry.visitor() ? 1 : 0,
                        row.createdAt) == 0) {
                    continue; // no such conversation: nothing to attach the message to
                }
                messages.insert(row);
                if (entry.agentId() != null) {
                    long visitorMessages = messages.visitorMessagesUpTo(row.conversationId, row.seq);
                    desk.mark(row.conversationId, entry.agentId(), row.seq, visitorMessages);
                }
                inserted++;
            }
            session.commit();
        }
        return inserted;
    }

    private static void writeNullable(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
