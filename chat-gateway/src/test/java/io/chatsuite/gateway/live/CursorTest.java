package io.chatsuite.gateway.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatsuite.gateway.interaction.LogEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class CursorTest {

    private final List<Long> sent = new ArrayList<>();
    private final List<Long> replaysAsked = new ArrayList<>();
    private final Cursor.Output output = new Cursor.Output() {
        @Override
        public void deliver(LogEntry entry) {
            sent.add(entry.seq());
        }

        @Override
        public void replay(long seq) {
            replaysAsked.add(seq);
        }
    };

    private static LogEntry entry(long seq) {
        return new LogEntry("i", seq, "message", "{\"seq\":" + seq + "}", null);
    }

    private static List<LogEntry> entries(long from, long to) {
        return LongStream.rangeClosed(from, to).mapToObj(CursorTest::entry).toList();
    }

    @Test
    void liveEntriesInOrderAreDeliveredOnceEach() {
        Cursor cursor = new Cursor(0, output);
        cursor.offer(entry(1));
        cursor.offer(entry(2));
        cursor.offer(entry(2));
        cursor.offer(entry(1));
        assertEquals(List.of(1L, 2L), sent);
        assertTrue(replaysAsked.isEmpty());
    }

    @Test
    void aReplayDeliversWhatFollowsTheResumePointAndLiveEntriesDuringItWait() {
        Cursor cursor = new Cursor(3, output);
        cursor.replay();
        cursor.offer(entry(6));
        cursor.offer(entry(5));
        assertEquals(List.of(), sent, "nothing leaves while the replay runs");
        assertFalse(cursor.replayed(entries(4, 5)));
        assertEquals(List.of(4L, 5L, 6L), sent);
        assertEquals(List.of(3L), replaysAsked);
    }

    @Test
    void aPushThatSkipsAheadIsHeldUntilTheLogFillsTheGap() {
        Cursor cursor = new Cursor(0, output);
        cursor.offer(entry(1));
        cursor.offer(entry(3));
        assertEquals(List.of(1L), sent);
        assertEquals(List.of(1L), replaysAsked, "the gap after 1 is read from the log");
        cursor.offer(entry(2));
        assertFalse(cursor.replayed(entries(2, 3)));
        assertEquals(List.of(1L, 2L, 3L), sent);
    }

    @Test
    void aReplayThatCannotFillTheGapYetSaysSo() {
        Cursor cursor = new Cursor(0, output);
        cursor.offer(entry(3));
        assertTrue(cursor.replayed(entries(1, 1)));
        assertEquals(List.of(1L), sent);
        cursor.replay();
        assertFalse(cursor.replayed(entries(2, 3)));
        assertEquals(List.of(1L, 2L, 3L), sent);
    }

    @Test
    void theAssignmentGoesFirstThenEverythingBeforeItThenLiveEntriesWithoutDuplicates() {
        Cursor cursor = new Cursor(0, output);
        cursor.deliverAhead(entry(4));
        cursor.offer(entry(5));
        cursor.offer(entry(4));
        assertFalse(cursor.replayed(entries(1, 5)));
        cursor.offer(entry(5));
        cursor.offer(entry(6));
        assertEquals(List.of(4L, 1L, 2L, 3L, 5L, 6L), sent);
    }

    @Test
    void resumingBeyondWhatWasSentSkipsWhatTheClientHas() {
        Cursor cursor = new Cursor(0, output);
        cursor.offer(entry(1));
        cursor.raiseTo(3);
        cursor.offer(entry(3));
        cursor.offer(entry(4));
        cursor.raiseTo(2);
        cursor.offer(entry(4));
        assertEquals(List.of(1L, 4L), sent);
    }

    @Test
    void aFailedReplayCanBeRetried() {
        Cursor cursor = new Cursor(0, output);
        cursor.replay();
        cursor.replay();
        assertEquals(List.of(0L), replaysAsked, "one replay at a time");
        cursor.replayFailed();
        cursor.replay();
        assertEquals(List.of(0L, 0L), replaysAsked);
        assertFalse(cursor.replayed(entries(1, 2)));
        assertEquals(List.of(1L, 2L), sent);
    }
}
