package io.chatsuite.routing.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueuePositionsTest {

    @Test
    void theLastTenPlacesAreAnnouncedExactlyAndAFirstPositionAlways() {
        assertTrue(QueuePositions.worthAnnouncing(null, 500, false));
        for (int position = 1; position < 10; position++) {
            assertTrue(QueuePositions.worthAnnouncing(position + 1, position, true), "from " + (position + 1));
        }
        assertTrue(QueuePositions.worthAnnouncing(11, 10, true));
        assertFalse(QueuePositions.worthAnnouncing(7, 7, true), "an unchanged position is not repeated");
        assertTrue(QueuePositions.worthAnnouncing(11, 10, false), "the last ten places do not wait");
    }

    @Test
    void furtherBackACustomerHearsEveryTenthOfTheWay() {
        assertFalse(QueuePositions.worthAnnouncing(12, 11, true));
        assertFalse(QueuePositions.worthAnnouncing(100, 91, true));
        assertTrue(QueuePositions.worthAnnouncing(100, 90, true));
        assertTrue(QueuePositions.worthAnnouncing(100, 120, true), "a position that grows is told");
        assertFalse(QueuePositions.worthAnnouncing(100, 50, false), "further back: only once per far interval");
        assertFalse(QueuePositions.worthAnnouncing(100, 120, false));
        // Moving one place at a time from 800 to the front: a few dozen announcements, not 800.
        List<Integer> heard = new ArrayList<>();
        Integer announced = 800;
        for (int position = 799; position >= 1; position--) {
            if (QueuePositions.worthAnnouncing(announced, position, true)) {
                heard.add(position);
                announced = position;
            }
        }
        assertEquals(
                List.of(
                        720, 648, 583, 524, 471, 423, 380, 342, 307, 276, 248, 223, 200, 180, 162, 145, 130, 117, 105,
                        94, 84, 75, 67, 60, 54, 48, 43, 38, 34, 30, 27, 24, 21, 18, 16, 14, 12, 10, 9, 8, 7, 6, 5, 4, 3,
                        2, 1),
                heard);
    }
}
