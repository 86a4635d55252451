package ma.hanout.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SseParserTest {
    private final List<SseParser.Event> events = new ArrayList<>();
    private final List<String> comments = new ArrayList<>();
    private final List<Long> retries = new ArrayList<>();
    private final SseParser parser = new SseParser(new SseParser.Listener() {
        @Override
        public void onEvent(SseParser.Event event) {
            events.add(event);
        }

        @Override
        public void onComment(String comment) {
            comments.add(comment);
        }

        @Override
        public void onRetry(long millis) {
            retries.add(millis);
        }
    }, 1024);

    private void feed(String s) throws Exception {
        parser.feed(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void dispatchesOnABlankLineWithIdTypeAndData() throws Exception {
        feed("id: 7\nevent: ping\ndata: hello\n\n");
        assertThat(events).containsExactly(new SseParser.Event("7", "ping", "hello"));
    }

    @Test
    void joinsMultipleDataLinesWithLineFeeds() throws Exception {
        feed("data: {\ndata:  \"a\": 1\ndata: }\n\n");
        assertThat(events.get(0).data()).isEqualTo("{\n \"a\": 1\n}");
        assertThat(events.get(0).type()).isEqualTo("message");
    }

    @Test
    void acceptsCrLfAndLoneCrLineEndingsEvenSplitAcrossReads() throws Exception {
        feed("data: a\r");
        feed("\ndata: b\r\r");
        feed("data: c\r\n\r\n");
        assertThat(events).extracting(SseParser.Event::data).containsExactly("a\nb", "c");
    }

    @Test
    void handlesBytesSplitInsideAMultiByteCharacter() throws Exception {
        byte[] all = "data: مرحبا é\n\n".getBytes(StandardCharsets.UTF_8);
        for (byte b : all) {
            parser.feed(new byte[] {b});
        }
        assertThat(events.get(0).data()).isEqualTo("مرحبا é");
    }

    @Test
    void dropsOneLeadingByteOrderMarkOnly() throws Exception {
        parser.feed(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        feed("data: x\n\n");
        assertThat(events.get(0).data()).isEqualTo("x");
    }

    @Test
    void commentsAreReportedAndNeverDispatched() throws Exception {
        feed(": keep-alive\n\n:\n\n");
        assertThat(events).isEmpty();
        assertThat(comments).containsExactly(" keep-alive", "");
    }

    @Test
    void theIdPersistsAcrossEventsAndAnIdWithNulIsIgnored() throws Exception {
        feed("id: 1\ndata: a\n\ndata: b\n\nid: 2\u0000x\ndata: c\n\n");
        assertThat(events).extracting(SseParser.Event::lastEventId).containsExactly("1", "1", "1");
        assertThat(parser.lastEventId()).isEqualTo("1");
    }

    @Test
    void anIdWithoutDataUpdatesTheLastIdButDispatchesNothing() throws Exception {
        feed("id: 9\n\n");
        assertThat(events).isEmpty();
        assertThat(parser.lastEventId()).isEqualTo("9");
    }

    @Test
    void fieldsWithoutColonOrSpaceFollowTheSpec() throws Exception {
        feed("data\n\ndata:x\n\nunknown: y\ndata: z\n\n");
        assertThat(events).extracting(SseParser.Event::data).containsExactly("", "x", "z");
    }

    @Test
    void retryIsTakenOnlyWhenAllDigits() throws Exception {
        feed("retry: 2000\nretry: 20s\nretry:\n\n");
        assertThat(retries).containsExactly(2000L);
    }

    @Test
    void anUnterminatedEventAtEndOfStreamIsNotDispatched() throws Exception {
        feed("data: partial\n");
        assertThat(events).isEmpty();
    }

    @Test
    void anOverlongLineIsAnErrorNotAnOutOfMemory() {
        assertThatThrownBy(() -> feed("data: " + "x".repeat(2000))).isInstanceOf(SseParser.StreamTooLong.class);
    }
}
