package org.parley.chat.internal;

import java.time.OffsetDateTime;
import org.parley.chat.api.PageView;

/** A row of chat_page_view, filled by MyBatis. */
final class PageViewRow {
    String url;
    String title;
    String referrer;
    OffsetDateTime viewedAt;

    PageView toPageView() {
        return new PageView(url, title, referrer, viewedAt.toInstant());
    }
}
