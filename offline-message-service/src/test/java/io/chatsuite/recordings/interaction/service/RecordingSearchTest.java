package io.chatsuite.recordings.interaction.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chatsuite.commons.problem.Problem;
import io.chatsuite.commons.problem.ProblemException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordingSearchTest {

    @Test
    void absentParametersMeanNoFilterAndTheFirstPage() {
        RecordingSearch s = RecordingSearch.parse(null, " ", null, "", null, null);
        assertNull(s.campaignId());
        assertNull(s.agentId());
        assertNull(s.from());
        assertEquals(0, s.page());
        assertEquals(RecordingSearch.DEFAULT_SIZE, s.size());
    }

    @Test
    void timesWithAnyOffsetAreInstants() {
        RecordingSearch s =
                RecordingSearch.parse("c", "alice", "2025-03-01T10:00:00+01:00", "2025-03-02T00:00:00Z", "2", "50");
        assertEquals(Instant.parse("2025-03-01T09:00:00Z"), s.from());
        assertEquals(Instant.parse("2025-03-02T00:00:00Z"), s.to());
        assertEquals(2, s.page());
        assertEquals(50, s.size());
    }

    @Test
    void everyInvalidParameterIsNamed() {
        ProblemException e = assertThrows(
                ProblemException.class, () -> RecordingSearch.parse(null, null, "2025-03-01", "soon", "x", "0"));
        assertEquals(400, e.status());
        assertEquals(
                List.of("from", "to", "page", "size"),
                e.errors().stream().map(Problem.FieldError::field).toList());
    }

    @Test
    void emptyTimeRangeIsRejected() {
        ProblemException e = assertThrows(
                ProblemException.class,
                () -> RecordingSearch.parse(null, null, "2025-03-02T00:00:00Z", "2025-03-01T00:00:00Z", null, null));
        assertEquals("to", e.errors().get(0).field());
    }
}
