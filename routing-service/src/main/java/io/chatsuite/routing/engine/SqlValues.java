package io.chatsuite.routing.engine;

import io.chatsuite.routing.support.LostRaceException;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Converts values between the engine's model and the SQL client: instants to and from {@code timestamptz}, lists
 * to the arrays that set-based statements bind and expand with {@code unnest}, and the check of a guarded write.
 */
final class SqlValues {

    private SqlValues() {}

    static Instant instant(Row r, String column) {
        OffsetDateTime t = r.getOffsetDateTime(column);
        return t == null ? null : t.toInstant();
    }

    static OffsetDateTime time(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }

    static String[] strings(Collection<String> values) {
        return values.toArray(String[]::new);
    }

    /** One column of a set-based statement: {@code f} of each row, as an array. */
    static <T, R> R[] map(List<T> rows, Function<T, R> f, IntFunction<R[]> array) {
        R[] out = array.apply(rows.size());
        for (int i = 0; i < out.length; i++) {
            out[i] = f.apply(rows.get(i));
        }
        return out;
    }

    static List<String> column(RowSet<Row> rows, String name) {
        List<String> out = new ArrayList<>();
        rows.forEach(r -> out.add(r.getString(name)));
        return out;
    }

    /** A guarded write that did not find every row as read lost a race: the whole transaction is retried. */
    static void expect(int actual, int expected, String what) {
        if (actual != expected) {
            throw new LostRaceException(what + " (" + actual + " of " + expected + " rows as read)");
        }
    }
}
